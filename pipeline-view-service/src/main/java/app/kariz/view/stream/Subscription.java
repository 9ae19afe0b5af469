package app.kariz.view.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client's stream of one pipeline. Messages are queued and written by a sender thread, so a slow client
 * never holds up the others; a client that falls more than {@code queueCapacity} messages behind is
 * disconnected, and on reconnecting resumes from its last id like after any other break.
 */
final class Subscription {

    private static final Logger log = LoggerFactory.getLogger(Subscription.class);

    private final String organizationId;
    private final String pipelineId;
    private final String onlyOwnerId;
    private final SseEmitter emitter;
    private final Executor sender;
    private final int queueCapacity;
    private final Queue<StreamMessage> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<Subscription> onClosed;

    /** @param onlyOwnerId the client sees only this owner's cards (its own); null: every card of the board */
    Subscription(String organizationId, String pipelineId, String onlyOwnerId, SseEmitter emitter, Executor sender,
                 int queueCapacity, Consumer<Subscription> onClosed) {
        this.organizationId = organizationId;
        this.pipelineId = pipelineId;
        this.onlyOwnerId = onlyOwnerId;
        this.emitter = emitter;
        this.sender = sender;
        this.queueCapacity = queueCapacity;
        this.onClosed = onClosed;
        emitter.onCompletion(this::closed);
        emitter.onTimeout(this::complete);
        emitter.onError(error -> closed());
    }

    String organizationId() {
        return organizationId;
    }

    String pipelineId() {
        return pipelineId;
    }

    String onlyOwnerId() {
        return onlyOwnerId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    void send(StreamMessage message) {
        if (closed.get()) {
            return;
        }
        if (queued.incrementAndGet() > queueCapacity) {
            log.info("Ending a stream of pipeline {}: its client fell {} messages behind", pipelineId, queueCapacity);
            complete();
            return;
        }
        queue.add(message);
        drainLater();
    }

    /** Ends the stream now; messages not yet written are dropped (the client resumes from its last id). */
    void complete() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                log.debug("Completing a stream failed", e);
            }
            onClosed.accept(this);
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    private void closed() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClosed.accept(this);
        }
    }

    private void drainLater() {
        if (draining.compareAndSet(false, true)) {
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                closed();
            }
        }
    }

    private void drain() {
        try {
            StreamMessage message;
            while (!closed.get() && (message = queue.poll()) != null) {
                queued.decrementAndGet();
                emitter.send(message.toSse());
            }
        } catch (IOException | RuntimeException e) {
            // The client went away; the container reports the end of the request, and with it onCompletion.
            log.debug("Writing to a stream of pipeline {} failed: {}", pipelineId, e.toString());
            closed();
        } finally {
            draining.set(false);
        }
        if (!closed.get() && !queue.isEmpty()) {
            drainLater();
        }
    }
}
