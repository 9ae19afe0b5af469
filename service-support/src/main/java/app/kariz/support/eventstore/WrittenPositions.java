package app.kariz.support.eventstore;

import app.kariz.events.Position;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Collects the aggregate positions a command wrote, so the web layer can answer with them
 * ({@code Kariz-Position}). Axon's simple command bus handles a command on the caller's thread, which is what
 * makes a thread-bound capture correct here.
 */
public final class WrittenPositions {

    private static final ThreadLocal<List<Position>> CAPTURE = new ThreadLocal<>();

    private WrittenPositions() {
    }

    /** Runs a command dispatch and returns its result together with the positions of the events it stored. */
    public static <R> Written<R> capture(Supplier<R> dispatch) {
        List<Position> previous = CAPTURE.get();
        List<Position> written = new ArrayList<>();
        CAPTURE.set(written);
        try {
            R result = dispatch.get();
            return new Written<>(result, List.copyOf(written));
        } finally {
            CAPTURE.set(previous);
        }
    }

    static Position positionOf(DomainEventMessage<?> message) {
        return new Position(message.getType().toLowerCase(Locale.ROOT), message.getAggregateIdentifier(),
                message.getSequenceNumber());
    }

    public record Written<R>(R result, List<Position> positions) {

        public String header() {
            return Position.format(positions);
        }
    }

    static final class Interceptor implements MessageDispatchInterceptor<EventMessage<?>> {

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            return (index, message) -> {
                List<Position> written = CAPTURE.get();
                if (written != null && message instanceof DomainEventMessage<?> domainEvent) {
                    written.add(positionOf(domainEvent));
                }
                return message;
            };
        }
    }
}
