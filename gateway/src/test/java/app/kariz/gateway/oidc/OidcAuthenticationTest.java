package app.kariz.gateway.oidc;

import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** JWTs of an OIDC provider, accepted beside API tokens and mapped onto users in the identity store. */
class OidcAuthenticationTest {

    static final String ADMIN_TOKEN = "platform-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestIdentityProvider idp;
    private static StubService deals;
    private static RunningGateway gateway;
    private static WebTestClient client;
    private static String organizationId;
    private static String memberId;
    private static int idpRequestsBeforeTheFirstJwt;

    @BeforeAll
    static void start() {
        idp = new TestIdentityProvider();
        deals = new StubService("deal-service");
        gateway = RunningGateway.start(
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                "--kariz.demo.token=demo-token-for-tests-0123456789",
                "--kariz.identity.admin-token=" + ADMIN_TOKEN,
                "--kariz.oidc.issuer-uri=" + idp.issuer());
        client = gateway.client();
        organizationId = createOrganization(client);
        memberId = createUser(client, organizationId, "nima@example.ir", "MEMBER");
        idpRequestsBeforeTheFirstJwt = idp.requests();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        deals.close();
        idp.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        deals.reset();
    }

    @Test
    void theIssuerIsNotContactedBeforeTheFirstJwt() {
        // So the gateway starts (and serves API tokens) while the IdP is still starting.
        assertThat(idpRequestsBeforeTheFirstJwt).isZero();
    }

    @Test
    void aValidJwtActsAsTheStoredUserWithTheStoredRole() {
        String jwt = idp.sign(organizationId, claims -> claims.subject(memberId).claim("kariz_role", "ADMIN"));

        get(jwt, "/api/v1/pipelines").expectStatus().isOk();
        var forwarded = deals.takeRequest();
        assertThat(forwarded.header("Kariz-Organization-Id")).hasValue(organizationId);
        assertThat(forwarded.header("Kariz-User-Id")).hasValue(memberId);
        // The token cannot claim a role: the stored user's counts.
        assertThat(forwarded.header("Kariz-User-Role")).hasValue("MEMBER");
        assertThat(forwarded.header("Kariz-Identity-Signature")).isPresent();

        client.post().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(jwt))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aSubjectTheStoreDoesNotKnowIsMatchedByAnEmailTheIdpDoesNotDisown() {
        get(idp.sign(organizationId, claims -> claims.subject(UUID.randomUUID().toString())
                .claim("email", "NIMA@example.ir").claim("email_verified", true)), "/api/v1/me")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.user.id").isEqualTo(memberId);
        get(idp.sign(organizationId, claims -> claims.subject(UUID.randomUUID().toString())
                .claim("email", "nima@example.ir").claim("email_verified", false)), "/api/v1/me")
                .expectStatus().isUnauthorized();
    }

    @Test
    void aJwtSignedWithAnotherKeyIsRefused() throws JOSEException {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("key-1").generate();
        get(idp.sign(impostor, organizationId, claims -> claims.subject(memberId)), "/api/v1/pipelines")
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:unauthenticated");
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void anExpiredJwtIsRefused() {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        get(idp.sign(organizationId, claims -> claims.subject(memberId)
                .issueTime(Date.from(hourAgo.minusSeconds(300))).expirationTime(Date.from(hourAgo))),
                "/api/v1/pipelines")
                .expectStatus().isUnauthorized();
    }

    @Test
    void aJwtOfAnotherIssuerIsRefused() {
        get(idp.sign(organizationId, claims -> claims.subject(memberId).issuer("http://elsewhere.example/realms/x")),
                "/api/v1/pipelines").expectStatus().isUnauthorized();
    }

    @Test
    void aJwtOfAnUnknownOrganizationOrUserIsRefused() {
        get(idp.sign("no-such-org", claims -> claims.subject(memberId)), "/api/v1/pipelines")
                .expectStatus().isUnauthorized();
        // The user exists, but not in that organisation.
        get(idp.sign("demo", claims -> claims.subject(memberId)), "/api/v1/pipelines")
                .expectStatus().isUnauthorized();
        get(idp.sign(organizationId, claims -> claims.subject("nobody")), "/api/v1/pipelines")
                .expectStatus().isUnauthorized();
        get(idp.sign(null, claims -> claims.subject(memberId)), "/api/v1/pipelines")
                .expectStatus().isUnauthorized();
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void apiTokensStillWorkBesideJwts() {
        get("demo-token-for-tests-0123456789", "/api/v1/pipelines").expectStatus().isOk();
        assertThat(deals.takeRequest().header("Kariz-User-Id")).hasValue("demo-user");
    }

    private static WebTestClient.ResponseSpec get(String token, String path) {
        return client.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    static String createOrganization(WebTestClient client) {
        return json(client.post().uri("/api/v1/admin/organizations").headers(h -> h.setBearerAuth(ADMIN_TOKEN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"OIDC Org\",\"timeZone\":\"Asia/Tehran\",\"locale\":\"en\"}")
                .exchange().expectStatus().isCreated()).path("id").asText();
    }

    static String createUser(WebTestClient client, String organizationId, String email, String role) {
        return json(client.post().uri("/api/v1/admin/organizations/" + organizationId + "/users")
                .headers(h -> h.setBearerAuth(ADMIN_TOKEN)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Nima\",\"email\":\"" + email + "\",\"role\":\"" + role + "\"}")
                .exchange().expectStatus().isCreated()).path("id").asText();
    }

    private static JsonNode json(WebTestClient.ResponseSpec response) {
        try {
            return JSON.readTree(response.expectBody(byte[].class).returnResult().getResponseBody());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
