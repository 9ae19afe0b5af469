package app.kariz.gateway.identity;

import com.mongodb.client.MongoClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The identity store and what hangs off it. The Mongo client is the store's own, not a bean: Boot's Mongo
 * auto-configuration stays off in the gateway (the local launcher's classpath would otherwise wire the services'
 * infrastructure in here too).
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    IdentityStore identityStore(MongoProperties properties) {
        IdentityStore store = new IdentityStore(MongoClients.create(properties.uri()), properties.database());
        store.createIndexes();
        return store;
    }

    @Bean
    Identities identities(IdentityStore store, Clock clock, ObjectProvider<NewOrganizationListener> listener) {
        return new Identities(store, clock, () -> listener.ifAvailable(NewOrganizationListener::organizationStored));
    }
}
