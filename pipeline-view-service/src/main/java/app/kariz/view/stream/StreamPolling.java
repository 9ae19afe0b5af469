package app.kariz.view.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the change log and sends heartbeats on a thread of its own. Stopped before the web server, ending every
 * stream, so a shutdown does not wait for long-lived requests; clients reconnect elsewhere and resume.
 */
class StreamPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamPolling.class);

    private final BoardStreams streams;
    private final StreamProperties properties;
    private ScheduledExecutorService scheduler;
    private volatile boolean failing;

    public StreamPolling(BoardStreams streams, StreamProperties properties) {
        this.streams = streams;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "board-streams");
            thread.setDaemon(true);
            return thread;
        });
        long poll = properties.pollInterval().toMillis();
        long heartbeat = properties.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        scheduler = null;
        streams.close();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** A failure (MongoDB unreachable) is logged once and retried at the next poll; streams stay open. */
    private void poll() {
        try {
            streams.poll();
            if (failing) {
                log.info("Polling the card change log works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Polling the card change log failed; retrying every {}", properties.pollInterval(), e);
                failing = true;
            }
        }
    }

    private void heartbeat() {
        try {
            streams.heartbeat();
        } catch (RuntimeException e) {
            log.warn("Sending heartbeats failed", e);
        }
    }
}
