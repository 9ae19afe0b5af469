package app.kariz.activity.type.directory;

import app.kariz.activity.type.command.ActivityTypes;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ActivityTypeDirectoryConfiguration {

    /** Also the {@link ActivityTypes} that activity commands check types against. */
    @Bean
    ActivityTypeDirectory activityTypeDirectory(MongoDatabase database) {
        ActivityTypeDirectory directory = new ActivityTypeDirectory(database);
        directory.createIndexes();
        return directory;
    }

    @Bean
    ConfigurerModule activityTypeDirectoryProcessing() {
        return configurer -> ActivityTypeDirectory.registerProcessing(configurer.eventProcessing());
    }
}
