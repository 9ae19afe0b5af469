package app.kariz.support.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoProperties.class)
public class MongoConfiguration {

    /**
     * Boot's customizers are applied so its Micrometer command and pool metrics stay on. Our connection string
     * goes last: Boot's standard customizer would otherwise reset it to its own default, localhost.
     */
    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(MongoProperties properties,
                                   ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(settings));
        settings.applyConnectionString(new ConnectionString(properties.uri()));
        return MongoClients.create(settings.build());
    }

    @Bean
    public MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.database());
    }
}
