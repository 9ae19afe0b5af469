package app.kariz.gateway.limits;

import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The default limits: bodies up to 256 KiB, request headers up to 16 KiB; beyond them a problem, never a 5xx. */
class RequestLimitsTest {

    private static final String TOKEN = "demo-token-for-tests-0123456789";
    private static final int MAX_BODY = 256 * 1024;

    private static StubService deals;
    private static RunningGateway gateway;
    private static WebTestClient client;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        deals = new StubService("deal-service");
        gateway = RunningGateway.start(
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                "--kariz.demo.token=" + TOKEN);
        client = gateway.client();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        deals.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        deals.reset();
    }

    @Test
    void aBodyOfExactlyTheLimitIsForwarded() {
        String body = json(MAX_BODY);

        postDeal(body).expectStatus().isOk();

        assertThat(deals.takeRequest().body()).isEqualTo(body);
    }

    @Test
    void aLargerBodyWithContentLengthIsAContentTooLargeProblemAndIsNotForwarded() {
        postDeal(json(MAX_BODY + 1))
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:kariz:problem:content-too-large")
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isNotEmpty();
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void aLargerBodyStreamedWithoutContentLengthIsAContentTooLargeProblemAndIsNotForwarded() throws Exception {
        HttpResponse<String> response = postStreamed(json(MAX_BODY + 1));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:kariz:problem:content-too-large\"");
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void aStreamedBodyWithinTheLimitIsForwardedWhole() throws Exception {
        String body = json(MAX_BODY);

        HttpResponse<String> response = postStreamed(body);

        assertThat(response.statusCode()).isEqualTo(200);
        StubService.Received forwarded = deals.takeRequest();
        assertThat(forwarded.body()).isEqualTo(body);
        assertThat(forwarded.header("Transfer-Encoding")).as("streamed all the way").hasValue("chunked");
    }

    @Test
    void headersWithinTheLimitPass() {
        client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN))
                .header("X-Padding", "p".repeat(12 * 1024))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void largerHeadersAreAProblemNotAServerError() {
        client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN))
                .header("X-Padding", "p".repeat(17 * 1024))
                .exchange()
                .expectStatus().isEqualTo(431)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("X-Request-Id", "[0-9a-f-]{36}")
                .expectHeader().valueMatches("traceparent", "00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:kariz:problem:request-header-fields-too-large")
                .jsonPath("$.status").isEqualTo(431)
                .jsonPath("$.instance").isEqualTo("/api/v1/pipelines");
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void aTooLongRequestLineIsAProblemNotAServerError() {
        client.get().uri("/api/v1/pipelines?q=" + "q".repeat(5000)).headers(h -> h.setBearerAuth(TOKEN))
                .exchange()
                .expectStatus().isEqualTo(414)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:kariz:problem:uri-too-long")
                .jsonPath("$.instance").doesNotExist();
        assertThat(deals.receivedNothing()).isTrue();
    }

    private static WebTestClient.ResponseSpec postDeal(String body) {
        return client.post().uri("/api/v1/deals").headers(h -> h.setBearerAuth(TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    /** An input stream of unknown length: the JDK client sends it chunked, without Content-Length. */
    private static HttpResponse<String> postStreamed(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/deals"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static String json(int size) {
        String prefix = "{\"title\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }
}
