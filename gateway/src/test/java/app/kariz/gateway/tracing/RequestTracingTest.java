package app.kariz.gateway.tracing;

import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every request has an id and a trace: the client's when acceptable, else new; forwarded, echoed and logged. */
@ExtendWith(OutputCaptureExtension.class)
class RequestTracingTest {

    private static final String TOKEN = "demo-token-for-tests-0123456789";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static StubService deals;
    private static RunningGateway gateway;
    private static WebTestClient client;

    @BeforeAll
    static void start() throws IOException {
        deals = new StubService("deal-service");
        gateway = RunningGateway.start(
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                "--kariz.gateway.view-service-uri=http://127.0.0.1:" + closedPort(),
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
    void anAcceptableRequestIdIsForwardedAndEchoed() {
        String echoed = getPipelines(Map.of("X-Request-Id", "client:req-42_a.b")).getResponseHeaders()
                .getFirst("X-Request-Id");

        assertThat(echoed).isEqualTo("client:req-42_a.b");
        assertThat(deals.takeRequest().headerValues("X-Request-Id")).containsExactly("client:req-42_a.b");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("unacceptableRequestIds")
    void anUnacceptableRequestIdIsReplacedWithANewOne(String offered) {
        String echoed = getPipelines(Map.of("X-Request-Id", offered)).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(echoed).matches(UUID);
        assertThat(deals.takeRequest().headerValues("X-Request-Id")).containsExactly(echoed);
    }

    static Stream<String> unacceptableRequestIds() {
        return Stream.of("has spaces", "semi;colon", "ünïcode", "{\"json\":1}", "x".repeat(129));
    }

    @Test
    void theLongestAcceptableRequestIdIsKept() {
        String longest = "x".repeat(128);

        assertThat(getPipelines(Map.of("X-Request-Id", longest)).getResponseHeaders().getFirst("X-Request-Id"))
                .isEqualTo(longest);
    }

    @Test
    void aRequestWithoutAnIdGetsANewOneEachTime() {
        String first = getPipelines(Map.of()).getResponseHeaders().getFirst("X-Request-Id");
        String second = getPipelines(Map.of()).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(first).matches(UUID);
        assertThat(second).matches(UUID).isNotEqualTo(first);
        assertThat(deals.takeRequest().headerValues("X-Request-Id")).containsExactly(first);
        assertThat(deals.takeRequest().headerValues("X-Request-Id")).containsExactly(second);
    }

    @Test
    void aValidTraceparentIsForwardedAndEchoedWithItsTracestate() {
        HttpHeaders echoed = getPipelines(Map.of("traceparent", TRACEPARENT, "tracestate", "vendor=abc"))
                .getResponseHeaders();

        assertThat(echoed.getFirst("traceparent")).isEqualTo(TRACEPARENT);
        StubService.Received forwarded = deals.takeRequest();
        assertThat(forwarded.headerValues("traceparent")).containsExactly(TRACEPARENT);
        assertThat(forwarded.headerValues("tracestate")).containsExactly("vendor=abc");
    }

    @Test
    void anInvalidTraceparentStartsANewTraceWithoutTheOldTracestate() {
        String echoed = getPipelines(Map.of("traceparent", "00-not-a-trace-01", "tracestate", "vendor=abc"))
                .getResponseHeaders().getFirst("traceparent");

        assertThat(echoed).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        StubService.Received forwarded = deals.takeRequest();
        assertThat(forwarded.headerValues("traceparent")).containsExactly(echoed);
        assertThat(forwarded.headerValues("tracestate")).isEmpty();
    }

    @Test
    void aRequestWithoutATraceparentStartsATrace() {
        String echoed = getPipelines(Map.of()).getResponseHeaders().getFirst("traceparent");

        assertThat(echoed).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(deals.takeRequest().headerValues("traceparent")).containsExactly(echoed);
    }

    @Test
    void theServicesEchoDoesNotDoubleTheHeaders() {
        deals.replyNext(200, Map.of("X-Request-Id", "req-7", "Content-Type", "application/json"), "{}");

        client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN)).header("X-Request-Id", "req-7")
                .exchange()
                .expectHeader().valuesMatch("X-Request-Id", "req-7");
    }

    @Test
    void problemsTheGatewayAnswersItselfCarryTheIdsToo() {
        assertEchoed(client.get().uri("/api/v1/pipelines"), 401);
        assertEchoed(client.get().uri("/api/v1/nothing-here").headers(h -> h.setBearerAuth(TOKEN)), 404);
        assertEchoed(client.get().uri("/index.html"), 404);
        assertEchoed(client.get().uri("/api/v1/deals/d-1").headers(h -> h.setBearerAuth(TOKEN)), 503);
    }

    @Test
    void eachRequestIsLoggedOnceWithItsIdButWithoutTokenOrQuery(CapturedOutput output) {
        client.get().uri("/api/v1/pipelines?search=confidential").headers(h -> h.setBearerAuth(TOKEN))
                .header("X-Request-Id", "req-logged-1")
                .exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("req-logged-1")))
                .singleElement().asString()
                .containsPattern("AccessLog +: GET /api/v1/pipelines 200 \\d+ ms$"));
        assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain("confidential");
    }

    @Test
    void theGatewaysOwnWarningsCarryTheRequestId(CapturedOutput output) {
        client.get().uri("/api/v1/deals/d-1").headers(h -> h.setBearerAuth(TOKEN)).header("X-Request-Id", "req-warned")
                .exchange().expectStatus().isEqualTo(503);

        assertThat(output.getOut().lines().filter(line -> line.contains("pipeline-view-service cannot be reached")))
                .anySatisfy(line -> assertThat(line).contains("[req-warned]"));
    }

    private static EntityExchangeResult<byte[]> getPipelines(Map<String, String> headers) {
        return client.get().uri("/api/v1/pipelines").headers(h -> {
                    h.setBearerAuth(TOKEN);
                    headers.forEach(h::set);
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
    }

    private static void assertEchoed(WebTestClient.RequestHeadersSpec<?> request, int status) {
        request.header("X-Request-Id", "req-" + status).header("traceparent", TRACEPARENT)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().valueEquals("X-Request-Id", "req-" + status)
                .expectHeader().valueEquals("traceparent", TRACEPARENT);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
