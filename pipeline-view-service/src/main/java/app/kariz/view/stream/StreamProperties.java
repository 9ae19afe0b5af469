package app.kariz.view.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code kariz.view.stream.*}: the live board streams ({@code GET /api/v1/stream}).
 *
 * @param pollInterval      how often the change log is read; a change reaches clients within about this long
 * @param heartbeatInterval how often an idle stream gets a comment (keeps proxies from closing it)
 * @param maxDuration       a stream is ended after this long; the browser reconnects and resumes, possibly on
 *                          another instance, which spreads streams over instances
 * @param reconnectDelay    the {@code retry} sent to browsers: how long they wait before reconnecting
 * @param maxStreams        streams one instance serves at most; more are answered 503
 * @param queueCapacity     messages waiting for one slow client at most before its stream is ended
 * @param senderThreads     threads writing messages to clients
 * @param maxReplay         cards turned by the clock that are sent at most at once; more: a reset
 */
@ConfigurationProperties("kariz.view.stream")
public record StreamProperties(@DefaultValue("200ms") Duration pollInterval,
                               @DefaultValue("15s") Duration heartbeatInterval,
                               @DefaultValue("30m") Duration maxDuration,
                               @DefaultValue("2s") Duration reconnectDelay,
                               @DefaultValue("1000") int maxStreams,
                               @DefaultValue("1000") int queueCapacity,
                               @DefaultValue("4") int senderThreads,
                               @DefaultValue("1000") int maxReplay) {
}
