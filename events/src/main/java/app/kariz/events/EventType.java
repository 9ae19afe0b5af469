package app.kariz.events;

import java.util.function.Function;

/**
 * How one event record travels on Kafka: its topic, its CloudEvents {@code ce_type}, and the record key
 * (the deal id for deal and activity events, so all of a deal's events share a partition number).
 */
public record EventType<E extends KarizEvent>(String ceType, String topic, Class<E> javaType,
                                              Function<E, String> keyOf) {

    public String keyOf(KarizEvent event) {
        return keyOf.apply(javaType.cast(event));
    }
}
