package app.kariz.support.publish;

import app.kariz.events.RepublishRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepublishRequestsTest {

    @Test
    void aRequestTravelsAsJsonKeyedByAggregateId() throws Exception {
        RepublishRequest request = new RepublishRequest("deal", "deal-1", 3, "pipeline-view-service",
                Instant.parse("2026-11-27T08:00:00Z"));

        ProducerRecord<String, byte[]> record = RepublishRequests.toRecord(request);

        assertThat(record.topic()).isEqualTo("kariz.republish-requests.v1");
        assertThat(record.key()).isEqualTo("deal-1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("""
                {"aggregateType":"deal","aggregateId":"deal-1","fromSequence":3,\
                "requestedBy":"pipeline-view-service","requestedAt":"2026-11-27T08:00:00Z"}""");
        assertThat(RepublishRequests.fromRecord(consumed(record.value()))).isEqualTo(request);
    }

    @Test
    void anIncompleteRequestIsRefused() {
        assertThatThrownBy(() -> RepublishRequests.fromRecord(consumed("{\"aggregateId\":\"deal-1\"}"
                .getBytes(StandardCharsets.UTF_8)))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RepublishRequests.fromRecord(consumed(null))).isInstanceOf(IOException.class);
    }

    private static ConsumerRecord<String, byte[]> consumed(byte[] value) {
        return new ConsumerRecord<>("kariz.republish-requests.v1", 0, 0, "deal-1", value);
    }
}
