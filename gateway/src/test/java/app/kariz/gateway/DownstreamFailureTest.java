package app.kariz.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that is down or silent is a 503 problem, never an error page. */
class DownstreamFailureTest {

    private static final String TOKEN = "demo-token-for-tests-0123456789";

    /** Listens but never answers: the operating system accepts connections, nobody reads them. */
    private static ServerSocket silentService;
    private static RunningGateway gateway;
    private static WebTestClient client;

    @BeforeAll
    static void start() throws IOException {
        silentService = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        gateway = RunningGateway.start(
                "--kariz.gateway.deal-service-uri=http://127.0.0.1:" + closedPort(),
                "--kariz.gateway.activity-service-uri=http://127.0.0.1:" + silentService.getLocalPort(),
                "--kariz.gateway.view-service-uri=http://127.0.0.1:" + closedPort(),
                "--spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
                "--kariz.demo.token=" + TOKEN);
        client = gateway.client();
    }

    @AfterAll
    static void stop() throws IOException {
        gateway.close();
        silentService.close();
    }

    @Test
    void aServiceThatIsDownIsAServiceUnavailableProblem() {
        client.post().uri("/api/v1/deals").headers(h -> h.setBearerAuth(TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:kariz:problem:service-unavailable")
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("deal-service"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAServiceUnavailableProblem() {
        client.get().uri("/api/v1/activity-types").headers(h -> h.setBearerAuth(TOKEN))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:kariz:problem:service-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("activity-service", "in time"));
    }

    @Test
    void readsFromAServiceThatIsDownAreServiceUnavailableProblemsToo() {
        client.get().uri("/api/v1/deals/d-1").headers(h -> h.setBearerAuth(TOKEN))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:service-unavailable");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
