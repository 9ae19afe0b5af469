package app.kariz.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A downstream service stand-in: records every request and answers with the next queued response, or with
 * {@code 200 {"service": name}}.
 */
public final class StubService implements AutoCloseable {

    static {
        // The JDK's server writes an answer's headers and body apart; with Nagle's algorithm on, the body then
        // waits for the gateway's delayed acknowledgement of the headers, some 40 ms per routed request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String name;
    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();

    public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
        }

        public List<String> headerValues(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }

    public record Reply(int status, Map<String, String> headers, String body) {
    }

    public StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void replyNext(int status, Map<String, String> headers, String body) {
        replies.add(new Reply(status, headers, body));
    }

    /** The next request this service received, waiting a little for it to arrive. */
    public Received takeRequest() {
        try {
            Received request = received.poll(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError(name + " received no request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean receivedNothing() {
        return received.isEmpty();
    }

    public void reset() {
        received.clear();
        replies.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key, List.copyOf(values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    headers, body));
            Reply reply = Optional.ofNullable(replies.poll())
                    .orElse(new Reply(200, Map.of("Content-Type", "application/json"),
                            "{\"service\":\"" + name + "\"}"));
            reply.headers().forEach((key, value) -> exchange.getResponseHeaders().add(key, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
