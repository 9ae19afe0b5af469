package app.kariz.view.consume;

import app.kariz.events.Position;
import app.kariz.events.RepublishRequest;
import app.kariz.support.publish.RepublishRequests;
import app.kariz.view.consistency.HealRequests;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Sends heal requests as {@link RepublishRequest}s to {@code kariz.republish-requests.v1}, counted in
 * {@code kariz.view.heal.requested} (tag {@code aggregateType}). Sending does not wait for the broker: a request
 * that is lost is sent again while its gap stays open ({@link GapHealing}).
 */
class KafkaHealRequests implements HealRequests {

    private static final Logger log = LoggerFactory.getLogger(KafkaHealRequests.class);

    private final Producer<String, byte[]> producer;
    private final String requestedBy;
    private final Clock clock;
    private final MeterRegistry meters;

    KafkaHealRequests(Producer<String, byte[]> producer, String requestedBy, Clock clock, MeterRegistry meters) {
        this.producer = producer;
        this.requestedBy = requestedBy;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void request(Position firstMissing) {
        RepublishRequest request = new RepublishRequest(firstMissing.aggregateType(), firstMissing.aggregateId(),
                firstMissing.sequence(), requestedBy, clock.instant());
        producer.send(RepublishRequests.toRecord(request), (metadata, failure) -> {
            if (failure != null) {
                log.warn("Could not ask for {} again; will retry", firstMissing, failure);
            }
        });
        meters.counter("kariz.view.heal.requested", "aggregateType", firstMissing.aggregateType()).increment();
    }
}
