package app.kariz.gateway.browser;

import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers on every answer; CORS for the configured browser origins only. */
class BrowserProtectionTest {

    private static final String TOKEN = "demo-token-for-tests-0123456789";
    private static final String ALLOWED = "https://crm.example.com";
    private static final String OTHER = "https://evil.example.net";
    private static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    private static StubService deals;
    private static RunningGateway gateway;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        deals = new StubService("deal-service");
        gateway = RunningGateway.start(
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                // As the environment would set it; gateway.properties maps it to kariz.gateway.cors.allowed-origins
                "--KARIZ_CORS_ALLOWED_ORIGINS=" + ALLOWED + ", https://admin.example.com",
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
    void aServicesAnswerCarriesTheSecurityHeaders() {
        assertSecurityHeaders(client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN)).exchange()
                .expectStatus().isOk());
    }

    @Test
    void anUnauthenticatedAnswerCarriesTheSecurityHeaders() {
        assertSecurityHeaders(client.get().uri("/api/v1/pipelines").exchange().expectStatus().isUnauthorized());
    }

    @Test
    void notFoundAnswersCarryTheSecurityHeaders() {
        assertSecurityHeaders(client.get().uri("/api/v1/nowhere").headers(h -> h.setBearerAuth(TOKEN)).exchange()
                .expectStatus().isNotFound());
        assertSecurityHeaders(client.get().uri("/index.html").exchange().expectStatus().isNotFound());
    }

    @Test
    void apiAnswersAreNeverStoredWhateverTheServiceSays() {
        deals.replyNext(200, Map.of("Cache-Control", "public, max-age=3600", "Content-Type", "application/json"),
                "[]");

        client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN)).exchange()
                .expectHeader().valuesMatch(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void strictTransportSecurityOnlyForRequestsThatCameOverHttps() {
        client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN)).exchange()
                .expectHeader().doesNotExist("Strict-Transport-Security");
        client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN))
                .header("X-Forwarded-Proto", "http").exchange()
                .expectHeader().doesNotExist("Strict-Transport-Security");

        client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN))
                .header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000");
        client.get().uri("/api/v1/pipelines").header("X-Forwarded-Proto", "HTTPS, http").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutATokenAndNotForwarded() {
        client.options().uri("/api/v1/deals/d-1")
                .header(HttpHeaders.ORIGIN, ALLOWED)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, if-match, kariz-await")
                .exchange()
                .expectStatus().isNoContent()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("GET", "POST", "PUT", "PATCH", "DELETE"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers)
                        .containsIgnoringCase("authorization").containsIgnoringCase("if-match")
                        .containsIgnoringCase("kariz-await"))
                .expectHeader().exists(HttpHeaders.ACCESS_CONTROL_MAX_AGE)
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectHeader().exists("X-Request-Id")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void aPreflightFromAnotherOriginIsForbiddenWithoutCorsHeaders() {
        client.options().uri("/api/v1/deals")
                .header(HttpHeaders.ORIGIN, OTHER)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)
                .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:forbidden");
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void aPreflightForAHeaderTheApiDoesNotTakeIsForbidden() {
        client.options().uri("/api/v1/deals")
                .header(HttpHeaders.ORIGIN, ALLOWED)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-sneaky")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void aPageFromAnAllowedOriginMayReadTheAnswerAndItsHeaders() {
        client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN))
                .header(HttpHeaders.ORIGIN, "https://admin.example.com")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://admin.example.com")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(
                        List.of(exposed.split(",\\s*"))).contains("ETag", "Location", "Kariz-Position",
                        "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After", "X-Request-Id"))
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Origin"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void aPageFromAnAllowedOriginMayReadAnUnauthenticatedAnswerToo() {
        client.get().uri("/api/v1/pipelines").header(HttpHeaders.ORIGIN, ALLOWED)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED);
    }

    @Test
    void aPageFromAnotherOriginGetsNoCorsHeaders() {
        client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN))
                .header(HttpHeaders.ORIGIN, OTHER)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS);
    }

    @Test
    void anOptionsRequestThatIsNoPreflightStillNeedsAToken() {
        client.method(HttpMethod.OPTIONS).uri("/api/v1/deals").exchange().expectStatus().isUnauthorized();
    }

    private static void assertSecurityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().valueEquals("Content-Security-Policy", CSP)
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }
}
