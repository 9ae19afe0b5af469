package app.kariz.deal.pipeline;

import app.kariz.support.consistency.AppliedSignal;
import app.kariz.deal.consistency.CommandSender;
import app.kariz.deal.directory.DealDirectory;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    PipelineDirectory pipelineDirectory(MongoDatabase database, AppliedSignal signal) {
        return new PipelineDirectory(database, signal);
    }

    /** A failed update must stop the processor (it retries) rather than be logged and skipped past. */
    @Bean
    ConfigurerModule pipelineDirectoryProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PipelineDirectory.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }

    @Bean
    StageRemoval stageRemoval(CommandSender commands, PipelineDirectory pipelines, DealDirectory deals,
                              Clock clock) {
        return new StageRemoval(commands, pipelines, deals, clock);
    }

    @Bean
    DefaultPipelineSeeder defaultPipelineSeeder(CommandGateway commands, PipelineDirectory directory, Clock clock,
                                                @Value("${kariz.demo.organization-id:demo}") String organizationId) {
        return new DefaultPipelineSeeder(commands, directory, clock, organizationId);
    }
}
