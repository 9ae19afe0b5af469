package app.kariz.support.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param uri      MongoDB connection string ({@code KARIZ_MONGO_URI}); a replica set in production
 * @param database the service's own database ({@code KARIZ_MONGO_DATABASE})
 */
@ConfigurationProperties("kariz.mongo")
public record MongoProperties(String uri, String database) {
}
