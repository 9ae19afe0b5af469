package app.kariz.deal.organization;

import app.kariz.deal.pipeline.directory.PipelineDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The default pipeline: seeded for the demo organisation at startup, and for every new organisation. */
@Configuration(proxyBeanMethods = false)
class DefaultPipelineConfiguration {

    @Bean
    DefaultPipelineSeeder defaultPipelineSeeder(CommandGateway commands, PipelineDirectory directory, Clock clock,
                                                @Value("${kariz.demo.organization-id:demo}") String organizationId) {
        return new DefaultPipelineSeeder(commands, directory, clock, organizationId);
    }
}
