package app.kariz.view.stream;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;

/**
 * One message of the stream: an event ({@code card}, {@code removed}, {@code reset}) with its id and JSON data,
 * or a comment that only keeps the connection alive and moves the client's {@code Last-Event-ID} forward (a
 * message with an id and no data dispatches no event, but browsers still remember the id).
 */
record StreamMessage(String event, String id, String data, String comment, Duration retry) {

    static final String CARD = "card";
    static final String REMOVED = "removed";
    static final String RESET = "reset";

    static StreamMessage event(String event, StreamPosition position, String json) {
        return new StreamMessage(event, position.format(), json, null, null);
    }

    /** A heartbeat, or the first message: where the stream stands, without an event. */
    static StreamMessage position(StreamPosition position, String comment) {
        return new StreamMessage(null, position.format(), null, comment, null);
    }

    /** How long a browser waits before reconnecting after the stream ends. */
    static StreamMessage retry(Duration retry) {
        return new StreamMessage(null, null, null, "connected", retry);
    }

    SseEmitter.SseEventBuilder toSse() {
        SseEmitter.SseEventBuilder builder = SseEmitter.event();
        if (retry != null) {
            builder.reconnectTime(retry.toMillis());
        }
        if (comment != null) {
            builder.comment(comment);
        }
        if (id != null) {
            builder.id(id);
        }
        if (event != null) {
            builder.name(event);
        }
        if (data != null) {
            // A String in JSON: written as it is, in UTF-8.
            builder.data(data, MediaType.APPLICATION_JSON);
        }
        return builder;
    }
}
