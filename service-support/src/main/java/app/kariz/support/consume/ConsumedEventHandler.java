package app.kariz.support.consume;

/** Applies one consumed event. Must be idempotent: Kafka delivers at least once. */
@FunctionalInterface
public interface ConsumedEventHandler {

    void handle(ConsumedEvent event);
}
