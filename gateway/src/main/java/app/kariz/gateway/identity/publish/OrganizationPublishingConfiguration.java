package app.kariz.gateway.identity.publish;

import app.kariz.gateway.identity.IdentityProperties;
import app.kariz.gateway.identity.IdentityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Publishing new organisations to Kafka through the outbox, when Kafka is configured. */
@Configuration(proxyBeanMethods = false)
class OrganizationPublishingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OrganizationPublishingConfiguration.class);

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
}
