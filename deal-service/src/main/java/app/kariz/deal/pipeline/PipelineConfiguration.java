package app.kariz.deal.pipeline;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    PipelineDirectory pipelineDirectory(MongoDatabase database) {
        return new PipelineDirectory(database);
    }

    @Bean
    DefaultPipelineSeeder defaultPipelineSeeder(CommandGateway commands, PipelineDirectory directory, Clock clock,
                                                @Value("${kariz.demo.organization-id:demo}") String organizationId) {
        return new DefaultPipelineSeeder(commands, directory, clock, organizationId);
    }
}
