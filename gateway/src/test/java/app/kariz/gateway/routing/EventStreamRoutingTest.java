package app.kariz.gateway.routing;

import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import app.kariz.testing.sse.EventStreamClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/stream} (Server-Sent Events) through the gateway: each event reaches the client as the service
 * sends it, not when the stream ends, and a stream outlives the downstream response timeout, which only bounds the
 * wait for the response headers.
 */
class EventStreamRoutingTest {

    private static final String TOKEN = "demo-token-for-tests-0123456789";
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);

    private static StreamingService views;
    private static StubService others;
    private static RunningGateway gateway;
    private EventStreamClient client;

    @BeforeAll
    static void start() {
        views = new StreamingService();
        others = new StubService("other-service");
        gateway = RunningGateway.start(
                "--kariz.gateway.deal-service-uri=" + others.uri(),
                "--kariz.gateway.activity-service-uri=" + others.uri(),
                "--kariz.gateway.view-service-uri=" + views.uri(),
                "--spring.cloud.gateway.server.webflux.httpclient.response-timeout=" + RESPONSE_TIMEOUT.toMillis()
                        + "ms",
                "--kariz.demo.token=" + TOKEN);
        // A first request warms the gateway's HTTP client up, so that the stream's headers come well in time.
        gateway.client().get().uri("/api/v1/pipelines").header("Authorization", "Bearer " + TOKEN).exchange()
                .expectStatus().isOk();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        views.close();
        others.close();
    }

    @AfterEach
    void closeStream() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void eachEventReachesTheClientAsTheServiceSendsItAndTheStreamOutlivesTheResponseTimeout() {
        client = EventStreamClient.open(URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/stream?pipelineId=p-1"),
                Map.of("Authorization", "Bearer " + TOKEN, "Last-Event-ID", "e1-41-0"));

        assertThat(client.status()).isEqualTo(200);
        assertThat(client.header("Content-Type")).startsWith("text/event-stream");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.lines().contains("data: {\"id\":\"deal-1\"}"));
        assertThat(views.finished()).as("the service has not ended the stream").isFalse();

        await().during(RESPONSE_TIMEOUT.plusSeconds(1)).atMost(RESPONSE_TIMEOUT.plusSeconds(5))
                .until(() -> !client.ended());
        views.sendSecondEvent();

        await().atMost(Duration.ofSeconds(5)).until(() -> client.lines().contains("data: {\"id\":\"deal-2\"}"));
        views.endStream();
        await().atMost(Duration.ofSeconds(5)).until(client::ended);
        assertThat(client.lines()).containsSubsequence("id: e1-42-0", "event: card", "data: {\"id\":\"deal-1\"}", "",
                "id: e1-43-0", "event: card", "data: {\"id\":\"deal-2\"}", "");

        StreamingService.Received forwarded = views.takeRequest();
        assertThat(forwarded.pathAndQuery()).isEqualTo("/api/v1/stream?pipelineId=p-1");
        assertThat(forwarded.headers().get("Last-event-id")).containsExactly("e1-41-0");
        assertThat(forwarded.headers().get("Kariz-organization-id")).containsExactly("demo");
    }

    /**
     * A stand-in for the pipeline view service that sends one event at once, a second one when the test says so,
     * and ends the stream when the test says so.
     */
    static final class StreamingService implements AutoCloseable {

        record Received(String pathAndQuery, Map<String, List<String>> headers) {
        }

        private final HttpServer server;
        private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        private volatile CountDownLatch second = new CountDownLatch(1);
        private volatile CountDownLatch end = new CountDownLatch(1);
        private volatile boolean finished;

        StreamingService() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.createContext("/", this::stream);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void sendSecondEvent() {
            second.countDown();
        }

        void endStream() {
            end.countDown();
        }

        boolean finished() {
            return finished;
        }

        Received takeRequest() {
            Received request = received.poll();
            assertThat(request).as("a request reached the service").isNotNull();
            return request;
        }

        private void stream(HttpExchange exchange) throws IOException {
            try (exchange) {
                received.add(new Received(exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders())));
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream body = exchange.getResponseBody();
                send(body, "id: e1-42-0\nevent: card\ndata: {\"id\":\"deal-1\"}\n\n");
                if (second.await(10, TimeUnit.SECONDS)) {
                    send(body, "id: e1-43-0\nevent: card\ndata: {\"id\":\"deal-2\"}\n\n");
                }
                end.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                finished = true;
            }
        }

        private static void send(OutputStream body, String event) throws IOException {
            body.write(event.getBytes(StandardCharsets.UTF_8));
            body.flush();
        }

        @Override
        public void close() {
            second.countDown();
            end.countDown();
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
