package app.kariz.deal.directory;

import app.kariz.support.consistency.AppliedSignal;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DealDirectoryConfiguration {

    @Bean
    DealDirectory dealDirectory(MongoDatabase database, AppliedSignal signal) {
        return new DealDirectory(database, signal);
    }

    /** A failed update must stop the processor (it retries) rather than be logged and skipped past. */
    @Bean
    ConfigurerModule dealDirectoryProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(DealDirectory.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
