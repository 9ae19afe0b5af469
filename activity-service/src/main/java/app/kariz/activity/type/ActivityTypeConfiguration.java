package app.kariz.activity.type;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ActivityTypeConfiguration {

    @Bean
    ActivityTypes activityTypes() {
        return new ActivityTypes();
    }
}
