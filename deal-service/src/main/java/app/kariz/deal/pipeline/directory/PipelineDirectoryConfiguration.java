package app.kariz.deal.pipeline.directory;

import app.kariz.support.consistency.AppliedSignal;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pipeline directory, kept up to date from the pipelines' events. */
@Configuration(proxyBeanMethods = false)
class PipelineDirectoryConfiguration {

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
}
