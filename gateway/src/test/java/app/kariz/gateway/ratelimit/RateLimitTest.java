package app.kariz.gateway.ratelimit;

import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import app.kariz.gateway.auth.Credentials;
import app.kariz.gateway.identity.Identity;
import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Each token's requests through the gateway are limited by its own bucket: 3 at once, 1 more per second. */
class RateLimitTest {

    private static final AtomicLong nanos = new AtomicLong();

    private static StubService deals;
    private static StubService views;
    private static RunningGateway gateway;
    private static WebTestClient client;

    /** Every token {@code token-*} belongs to a user of that name, so each test can have fresh buckets. */
    static class ManyUsersAndAHandMovedClock {
        @Bean
        @Primary
        Credentials manyUsers() {
            return token -> token.startsWith("token-")
                    ? Mono.just(new Identity("demo", token.substring("token-".length()), Role.MEMBER,
                    Visibility.EVERYONE, ZoneId.of("UTC")))
                    : Mono.empty();
        }

        @Bean
        @Primary
        Ticker handMovedTicker() {
            return nanos::get;
        }
    }

    @BeforeAll
    static void start() {
        deals = new StubService("deal-service");
        views = new StubService("pipeline-view-service");
        gateway = RunningGateway.start(List.of(ManyUsersAndAHandMovedClock.class),
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                "--kariz.gateway.view-service-uri=" + views.uri(),
                // As the environment would set them; gateway.properties maps them to kariz.gateway.rate-limit.*
                "--KARIZ_RATE_LIMIT_PER_SECOND=1",
                "--KARIZ_RATE_LIMIT_BURST=3",
                "--kariz.demo.token=demo-token-for-tests-0123456789");
        client = gateway.client();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        deals.close();
        views.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        deals.reset();
        views.reset();
    }

    @Test
    void everyAnswerTellsTheLimitWhatRemainsAndWhenTheBucketIsFullAgain() {
        get("token-counting", "/api/v1/pipelines").expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "2")
                .expectHeader().valueEquals("RateLimit-Reset", "1");
        get("token-counting", "/api/v1/pipelines").expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "1")
                .expectHeader().valueEquals("RateLimit-Reset", "2");
        get("token-counting", "/api/v1/pipelines").expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().valueEquals("RateLimit-Reset", "3")
                .expectHeader().doesNotExist(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void afterTheBurstARequestIsTooManyRequestsAndIsNotForwarded() {
        useUpTheBurstOf("token-greedy");

        get("token-greedy", "/api/v1/pipelines")
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().valueEquals("RateLimit-Reset", "3")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:kariz:problem:too-many-requests")
                .jsonPath("$.title").isEqualTo("Too many requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").isNotEmpty();
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void writesAreRefusedAlikeAndTheirBodiesAreNotForwarded() {
        useUpTheBurstOf("token-writer");

        client.post().uri("/api/v1/deals").headers(h -> h.setBearerAuth("token-writer"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"One too many\"}")
                .exchange()
                .expectStatus().isEqualTo(429);
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void aRefusedClientMayGoOnOnceItsBucketHasRefilled() {
        useUpTheBurstOf("token-patient");
        get("token-patient", "/api/v1/pipelines").expectStatus().isEqualTo(429);

        advance(Duration.ofSeconds(1));

        get("token-patient", "/api/v1/pipelines").expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "0");
        get("token-patient", "/api/v1/pipelines").expectStatus().isEqualTo(429);
    }

    @Test
    void eachTokenHasItsOwnLimit() {
        useUpTheBurstOf("token-busy");
        get("token-busy", "/api/v1/pipelines").expectStatus().isEqualTo(429);

        get("token-quiet", "/api/v1/pipelines").expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
        assertThat(deals.takeRequest().header("Kariz-User-Id")).hasValue("quiet");
    }

    @Test
    void unauthenticatedRequestsAreAnsweredFirstAndCountAgainstNoToken() {
        for (int i = 0; i < 5; i++) {
            get("not-a-token-" + i, "/api/v1/pipelines").expectStatus().isUnauthorized()
                    .expectHeader().doesNotExist("RateLimit-Limit");
            client.get().uri("/api/v1/pipelines").exchange().expectStatus().isUnauthorized();
        }

        get("token-after-strangers", "/api/v1/pipelines").expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
    }

    @Test
    void answersTheGatewayGivesItselfCountAndCarryTheHeadersToo() {
        get("token-lost", "/api/v1/no-such-thing").expectStatus().isNotFound()
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
        get("token-lost", "/api/v1/activities").expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("RateLimit-Remaining", "1");
    }

    @Test
    void theHeadersReplaceWhatAServiceSaysAboutRateLimits() {
        views.replyNext(200, Map.of("RateLimit-Remaining", "999", "Content-Type", "application/json"), "{}");

        get("token-reader", "/api/v1/deals/d-1").expectStatus().isOk()
                .expectHeader().valuesMatch("RateLimit-Remaining", "2");
    }

    private void useUpTheBurstOf(String token) {
        for (int i = 0; i < 3; i++) {
            get(token, "/api/v1/pipelines").expectStatus().isOk();
        }
        deals.reset();
    }

    private static WebTestClient.ResponseSpec get(String token, String path) {
        return client.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
