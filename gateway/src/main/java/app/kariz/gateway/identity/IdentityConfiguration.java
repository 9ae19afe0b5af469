package app.kariz.gateway.identity;

import app.kariz.contract.identity.IdentitySignature;
import app.kariz.gateway.identity.publish.KafkaOrganizationPublisher;
import app.kariz.gateway.identity.publish.KafkaProperties;
import app.kariz.gateway.identity.publish.OrganizationOutbox;
import app.kariz.gateway.signing.SignedIdentityFilter;
import com.mongodb.client.MongoClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

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

    @Bean(destroyMethod = "close")
    KafkaOrganizationPublisher organizationPublisher(KafkaProperties properties) {
        if (!properties.enabled()) {
            return null;
        }
        return new KafkaOrganizationPublisher(KafkaOrganizationPublisher.newProducer(properties.bootstrapServers()),
                properties.source());
    }

    /** Without Kafka (kariz.kafka.bootstrap-servers blank) organisations wait, unpublished, for a gateway with it. */
    @Bean(destroyMethod = "close")
    OrganizationOutbox organizationOutbox(IdentityStore store, ObjectProvider<KafkaOrganizationPublisher> publisher,
                                          IdentityProperties properties, Clock clock) {
        KafkaOrganizationPublisher kafka = publisher.getIfAvailable();
        if (kafka == null) {
            log.warn("kariz.kafka.bootstrap-servers is not set: new organizations are stored but not published "
                    + "(no default pipeline) until a gateway with Kafka starts");
            return null;
        }
        OrganizationOutbox outbox = new OrganizationOutbox(store, kafka, properties.outboxSweepInterval(), clock);
        outbox.start();
        return outbox;
    }

    @Bean
    Identities identities(IdentityStore store, Clock clock, ObjectProvider<OrganizationOutbox> outbox) {
        return new Identities(store, clock, () -> outbox.ifAvailable(OrganizationOutbox::publishSoon));
    }

    @Bean
    SignedIdentityFilter signedIdentityFilter(IdentityProperties properties, Clock clock) {
        return new SignedIdentityFilter(new IdentitySignature(properties.secret()), clock);
    }
}
