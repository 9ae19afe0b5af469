package app.kariz.gateway;

import app.kariz.contract.identity.IdentitySignature;
import app.kariz.gateway.auth.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.web.embedded.netty.NettyWebServer;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway between a client and stub services, checked over HTTP the way a client sees it. */
class GatewayApiTest {

    private static final String TOKEN = "demo-token-for-tests-0123456789";

    private static StubService deals;
    private static StubService activities;
    private static StubService views;
    private static RunningGateway gateway;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        deals = new StubService("deal-service");
        activities = new StubService("activity-service");
        views = new StubService("pipeline-view-service");
        gateway = RunningGateway.start(
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                "--kariz.gateway.activity-service-uri=" + activities.uri(),
                "--kariz.gateway.view-service-uri=" + views.uri(),
                "--kariz.demo.token=" + TOKEN);
        client = gateway.client();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        deals.close();
        activities.close();
        views.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        deals.reset();
        activities.reset();
        views.reset();
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticated() {
        client.get().uri("/api/v1/pipelines").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:kariz:problem:unauthenticated")
                .jsonPath("$.title").isEqualTo("Unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isNotEmpty();
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void aRequestWithAnUnknownTokenIsUnauthenticated() {
        client.post().uri("/api/v1/deals").headers(h -> h.setBearerAuth("not-" + TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                        value -> assertThat(value).startsWith("Bearer").contains("invalid_token"))
                .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:unauthenticated");
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void anotherAuthenticationSchemeIsUnauthenticated() {
        client.get().uri("/api/v1/pipelines").header(HttpHeaders.AUTHORIZATION, "Basic " + TOKEN).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
    }

    @Test
    void anUnknownPathNeedsATokenToo() {
        client.get().uri("/api/v1/secrets").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void healthIsOpenWithoutAToken() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void anAuthenticatedRequestIsForwardedAsTheDemoUserWhateverIdentityTheClientClaims() {
        client.post().uri("/api/v1/deals?source=test")
                .headers(h -> h.setBearerAuth(TOKEN))
                .header("Kariz-Organization-Id", "someone-elses-org")
                .header("kariz-user-id", "mallory")
                .header("KARIZ-TIME-ZONE", "UTC")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Pistachios\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("deal-service");

        StubService.Received forwarded = deals.takeRequest();
        assertThat(forwarded.method()).isEqualTo("POST");
        assertThat(forwarded.pathAndQuery()).isEqualTo("/api/v1/deals?source=test");
        assertThat(forwarded.body()).isEqualTo("{\"title\":\"Pistachios\"}");
        assertThat(forwarded.headerValues("Kariz-Organization-Id")).containsExactly("demo");
        assertThat(forwarded.headerValues("Kariz-User-Id")).containsExactly("demo-user");
        assertThat(forwarded.headerValues("Kariz-Time-Zone")).containsExactly("Asia/Tehran");
        assertThat(forwarded.headerValues("Kariz-User-Role")).containsExactly("ADMIN");
        assertThat(forwarded.headerValues("Kariz-Visibility")).containsExactly("EVERYONE");
        assertThat(forwarded.headerValues("Kariz-Identity-Signature")).singleElement()
                .isEqualTo(new IdentitySignature(RunningGateway.SECRET).sign("POST", "/api/v1/deals", Map.of(
                        "Kariz-Organization-Id", "demo", "Kariz-User-Id", "demo-user", "Kariz-User-Role", "ADMIN",
                        "Kariz-Visibility", "EVERYONE", "Kariz-Time-Zone", "Asia/Tehran", "Kariz-Identity-Issued-At",
                        forwarded.header("Kariz-Identity-Issued-At").orElseThrow())::get));
        assertThat(forwarded.header(HttpHeaders.AUTHORIZATION)).as("the token stays at the gateway").isEmpty();
    }

    @Test
    void withoutAPlatformAdministratorThePlatformOperationsDoNotExist() {
        for (String path : List.of("/api/v1/admin/organizations", "/api/v1/admin/view-rebuilds/r-1")) {
            client.get().uri(path).headers(h -> h.setBearerAuth(TOKEN)).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:not-found");
        }
        client.post().uri("/api/v1/admin/view-rebuilds").headers(h -> h.setBearerAuth(TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isNotFound();
        assertThat(views.receivedNothing()).isTrue();
    }

    @Test
    void theDemoUserIsAnAdministratorOfTheDemoOrganization() {
        client.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(TOKEN)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.user.id").isEqualTo("demo-user")
                .jsonPath("$.user.role").isEqualTo("ADMIN")
                .jsonPath("$.user.timeZone").isEqualTo("Asia/Tehran")
                .jsonPath("$.organization.id").isEqualTo("demo")
                .jsonPath("$.organization.timeZone").isEqualTo("Asia/Tehran");
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        client.get().uri("/api/v1/pipelines").header(HttpHeaders.AUTHORIZATION, "bearer " + TOKEN).exchange()
                .expectStatus().isOk();
        assertThat(deals.takeRequest().pathAndQuery()).isEqualTo("/api/v1/pipelines");
    }

    @ParameterizedTest(name = "{0} {1} goes to the {2}")
    @CsvSource({
            "GET,  /api/v1/pipelines,                deal-service",
            "POST, /api/v1/deals,                    deal-service",
            "POST, /api/v1/deals/d-1/move,           deal-service",
            "POST, /api/v1/deals/d-1/won,            deal-service",
            "POST, /api/v1/deals/d-1/lost,           deal-service",
            "POST, /api/v1/deals/d-1/reopen,         deal-service",
            "POST, /api/v1/activities,               activity-service",
            "POST, /api/v1/activities/a-1/complete,  activity-service",
            "POST, /api/v1/activities/a-1/postpone,  activity-service",
            "GET,  /api/v1/activity-types,           activity-service",
            "GET,  /api/v1/deals/d-1,                pipeline-view-service",
            "GET,  /api/v1/deals/d-1/timeline,       pipeline-view-service",
            "GET,  /api/v1/pipelines/p-1/board,      pipeline-view-service",
            "POST, /api/v1/pipelines,                deal-service",
            "GET,  /api/v1/pipelines/p-1,            deal-service",
            "PATCH, /api/v1/pipelines/p-1,           deal-service",
            "DELETE, /api/v1/pipelines/p-1,          deal-service",
            "POST, /api/v1/pipelines/p-1/stages,     deal-service",
            "PATCH, /api/v1/pipelines/p-1/stages/s-1, deal-service",
            "DELETE, /api/v1/pipelines/p-1/stages/s-1, deal-service",
            "PUT,  /api/v1/pipelines/p-1/stage-order, deal-service",
            "PATCH, /api/v1/deals/d-1,               deal-service",
            "DELETE, /api/v1/deals/d-1,              deal-service",
            "GET,  /api/v1/activities/a-1,           pipeline-view-service",
            "GET,  /api/v1/deals,                    pipeline-view-service",
            "GET,  /api/v1/agenda,                   pipeline-view-service",
            "GET,  /api/v1/pipelines/p-1/stages/s-1/deals, pipeline-view-service",
            "PATCH, /api/v1/activities/a-1,          activity-service",
            "DELETE, /api/v1/activities/a-1,         activity-service",
            "POST, /api/v1/activities/a-1/reopen,    activity-service",
            "POST, /api/v1/activity-types,           activity-service",
            "GET,  /api/v1/activity-types/visit,     activity-service",
            "PATCH, /api/v1/activity-types/visit,    activity-service"})
    void eachOperationGoesToItsServiceWithThePathUnchanged(String method, String path, String service) {
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(TOKEN));
        if (List.of("POST", "PATCH", "PUT").contains(method)) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        request.exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);

        StubService target = Map.of("deal-service", deals, "activity-service", activities,
                "pipeline-view-service", views).get(service);
        StubService.Received forwarded = target.takeRequest();
        assertThat(forwarded.method()).isEqualTo(method);
        assertThat(forwarded.pathAndQuery()).isEqualTo(path);
        assertThat(List.of(deals, activities, views)).allSatisfy(stub -> assertThat(stub.receivedNothing()).isTrue());
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        client.get().uri("/api/v1/deals/d-1/secrets").headers(h -> h.setBearerAuth(TOKEN)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:kariz:problem:not-found")
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isNotEmpty();
        assertThat(List.of(deals, activities, views)).allSatisfy(stub -> assertThat(stub.receivedNothing()).isTrue());
    }

    @Test
    void aPathOutsideTheApiIsANotFoundProblemToo() {
        client.get().uri("/index.html").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:not-found");
    }

    @Test
    void aKnownPathWithAnotherMethodIsAMethodNotAllowedProblem() {
        client.put().uri("/api/v1/deals").headers(h -> h.setBearerAuth(TOKEN)).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "GET,POST")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:kariz:problem:method-not-allowed")
                .jsonPath("$.status").isEqualTo(405);

        client.put().uri("/api/v1/deals/d-1").headers(h -> h.setBearerAuth(TOKEN)).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "DELETE,GET,PATCH");
        assertThat(List.of(deals, activities, views)).allSatisfy(stub -> assertThat(stub.receivedNothing()).isTrue());
    }

    @Test
    void aServicesProblemPassesThroughUnchanged() {
        String problem = "{\"type\":\"urn:kariz:problem:rule-violated\",\"title\":\"Not allowed in the current "
                + "state\",\"status\":409,\"detail\":\"A lost deal cannot move.\"}";
        deals.replyNext(409, Map.of("Content-Type", "application/problem+json"), problem);

        client.post().uri("/api/v1/deals/d-1/move").headers(h -> h.setBearerAuth(TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"stageId\":\"s-2\"}")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(problem);
    }

    @Test
    void createdResponsesKeepTheirStatusAndLocation() {
        deals.replyNext(201, Map.of("Content-Type", "application/json", "Location", "/api/v1/deals/d-9",
                "Kariz-Position", "deal:d-9:0"), "{\"id\":\"d-9\"}");

        client.post().uri("/api/v1/deals").headers(h -> h.setBearerAuth(TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/deals/d-9")
                .expectHeader().valueEquals("Kariz-Position", "deal:d-9:0")
                .expectBody().jsonPath("$.id").isEqualTo("d-9");
    }

    @Test
    void withoutAllowedOriginsNoAnswerCarriesCorsHeaders() {
        client.get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(TOKEN))
                .header(HttpHeaders.ORIGIN, "https://crm.example.com")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().doesNotExist(HttpHeaders.VARY);
        client.options().uri("/api/v1/pipelines")
                .header(HttpHeaders.ORIGIN, "https://crm.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(deals.takeRequest().pathAndQuery()).isEqualTo("/api/v1/pipelines");
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void runsOnNettyWithoutTheOtherServicesInfrastructureThoughItIsOnTheClasspath() throws Exception {
        // The test classpath holds Tomcat, Spring MVC, Axon and the Mongo driver, as the local launcher's does.
        assertThat(((ReactiveWebServerApplicationContext) gateway.context()).getWebServer())
                .isInstanceOf(NettyWebServer.class);
        for (String type : List.of("org.axonframework.config.Configuration",
                "org.axonframework.eventhandling.EventBus", "com.mongodb.client.MongoClient")) {
            assertThat(gateway.context().getBeanNamesForType(Class.forName(type))).as(type).isEmpty();
        }
        assertThat(gateway.context().getBeansOfType(Credentials.class)).hasSize(1);
    }
}
