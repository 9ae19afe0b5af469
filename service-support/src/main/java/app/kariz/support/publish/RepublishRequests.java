package app.kariz.support.publish;

import app.kariz.events.RepublishRequest;
import app.kariz.events.Topics;
import app.kariz.support.json.EventJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Kafka form of a {@link RepublishRequest}: JSON value, keyed by aggregate id. */
public final class RepublishRequests {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private RepublishRequests() {
    }

    public static ProducerRecord<String, byte[]> toRecord(RepublishRequest request) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REPUBLISH_REQUESTS,
                    request.aggregateId(), JSON.writeValueAsBytes(request));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException when the value is not a request */
    public static RepublishRequest fromRecord(ConsumerRecord<String, byte[]> record) throws IOException {
        if (record.value() == null) {
            throw new IOException("A republish request without a value");
        }
        RepublishRequest request = JSON.readValue(record.value(), RepublishRequest.class);
        if (request.aggregateType() == null || request.aggregateId() == null || request.fromSequence() < 0) {
            throw new IOException("Not a complete republish request: " + request);
        }
        return request;
    }
}
