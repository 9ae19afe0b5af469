package app.kariz.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kariz.mongo.*}, named as in the services.
 *
 * @param uri      MongoDB connection string ({@code KARIZ_MONGO_URI})
 * @param database the gateway's own database ({@code KARIZ_MONGO_DATABASE}, {@code kariz_identity})
 */
@ConfigurationProperties("kariz.mongo")
public record MongoProperties(@DefaultValue("mongodb://localhost:27017") String uri,
                              @DefaultValue("kariz_identity") String database) {
}
