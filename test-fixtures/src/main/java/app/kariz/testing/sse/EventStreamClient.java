package app.kariz.testing.sse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Reads a Server-Sent Events stream the way a browser's EventSource does (fields, dispatch on a blank line, the
 * last event id kept even from messages without data), on a thread of its own, recording what arrives.
 */
public final class EventStreamClient implements AutoCloseable {

    public record Event(String id, String event, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile String lastEventId;
    private volatile boolean ended;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static EventStreamClient open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new EventStreamClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> events(String event) {
        return events.stream().filter(candidate -> candidate.event().equals(event)).toList();
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** Every line received so far, as it came. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Everything received, for a body that is not a stream (an error). */
    public String body() {
        return String.join("\n", lines);
    }

    /** The id a browser would send as {@code Last-Event-ID} when reconnecting now. */
    public String lastEventId() {
        return lastEventId;
    }

    public boolean ended() {
        return ended;
    }

    private void read() {
        String id = null;
        String event = null;
        List<String> data = new ArrayList<>();
        try (Stream<String> body = response.body()) {
            for (String line : (Iterable<String>) body::iterator) {
                lines.add(line);
                if (line.isEmpty()) {
                    if (id != null) {
                        lastEventId = id;
                    }
                    if (!data.isEmpty()) {
                        events.add(new Event(lastEventId, event == null ? "message" : event, String.join("\n", data)));
                    }
                    id = null;
                    event = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data.add(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException e) {
            // Closed by the test.
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
