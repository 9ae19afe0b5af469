package app.kariz.gateway.identity;

import app.kariz.contract.identity.IdentitySignature;
import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Organisations, users, tokens and roles through the gateway's public API, with a platform administrator
 * configured, and what the services are told about each caller.
 */
class IdentityApiTest {

    private static final String ADMIN_TOKEN = "platform-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

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
                "--kariz.demo.token=demo-token-for-tests-0123456789",
                "--kariz.identity.admin-token=" + ADMIN_TOKEN);
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

    // --- platform administration

    @Test
    void thePlatformAdministratorCreatesAnOrganizationWithAPersianName() {
        JsonNode organization = body(call(ADMIN_TOKEN, HttpMethod.POST, "/api/v1/admin/organizations",
                "{\"name\":\"  بازرگانی کاریز  \",\"timeZone\":\"Asia/Tehran\",\"locale\":\"fa\"}")
                .expectStatus().isCreated());

        assertThat(organization.path("id").asText()).isNotBlank();
        assertThat(organization.path("name").asText()).isEqualTo("بازرگانی کاریز");
        assertThat(organization.path("timeZone").asText()).isEqualTo("Asia/Tehran");
        assertThat(organization.path("locale").asText()).isEqualTo("fa");
        assertThat(organization.path("visibility").asText()).isEqualTo("EVERYONE");
        assertThat(Instant.parse(organization.path("createdAt").asText())).isCloseTo(Instant.now(),
                within(1, java.time.temporal.ChronoUnit.MINUTES));

        JsonNode all = body(call(ADMIN_TOKEN, HttpMethod.GET, "/api/v1/admin/organizations", null)
                .expectStatus().isOk());
        assertThat(all.path("items").findValuesAsText("id")).contains(organization.path("id").asText(), "demo");
    }

    @Test
    void aNewUserComesWithATokenThatWorksAtOnceAndIsNeverShownAgain() {
        Org org = newOrganization("OWNER_AND_MANAGERS");
        JsonNode user = body(call(ADMIN_TOKEN, HttpMethod.POST, "/api/v1/admin/organizations/" + org.id + "/users",
                "{\"name\":\"سارا\",\"email\":\"sara@example.ir\",\"role\":\"MEMBER\"}")
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/v1/users/")));
        String token = user.path("apiToken").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(user.path("organizationId").asText()).isEqualTo(org.id);
        assertThat(user.path("role").asText()).isEqualTo("MEMBER");
        assertThat(user.path("timeZone").isNull()).isTrue();
        assertThat(user.path("locale").isNull()).isTrue();

        JsonNode me = body(call(token, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk());
        assertThat(me.path("user").path("id").asText()).isEqualTo(user.path("id").asText());
        assertThat(me.path("user").has("apiToken")).isFalse();
        assertThat(me.path("organization").path("visibility").asText()).isEqualTo("OWNER_AND_MANAGERS");

        String listed = call(org.adminToken, HttpMethod.GET, "/api/v1/users", null).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).contains("sara@example.ir").doesNotContain(token).doesNotContain("apiToken");
    }

    @Test
    void theAdminTokenCountsOnAdminPathsOnly() {
        call(ADMIN_TOKEN, HttpMethod.GET, "/api/v1/pipelines", null).expectStatus().isUnauthorized();
        call(ADMIN_TOKEN, HttpMethod.GET, "/api/v1/me", null).expectStatus().isUnauthorized();
        assertThat(deals.receivedNothing()).isTrue();
    }

    @Test
    void usersAreForbiddenThePlatformAdministratorsOperations() {
        Org org = newOrganization("EVERYONE");
        for (String path : List.of("/api/v1/admin/organizations", "/api/v1/admin/view-rebuilds/r-1")) {
            call(org.adminToken, HttpMethod.GET, path, null)
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:forbidden");
        }
        call(null, HttpMethod.GET, "/api/v1/admin/organizations", null).expectStatus().isUnauthorized();
        assertThat(views.receivedNothing()).isTrue();
    }

    @Test
    void viewRebuildsGoToThePipelineViewServiceAsThePlatformAdministrator() {
        call(ADMIN_TOKEN, HttpMethod.POST, "/api/v1/admin/view-rebuilds", "{}").expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("pipeline-view-service");

        StubService.Received forwarded = views.takeRequest();
        assertThat(forwarded.pathAndQuery()).isEqualTo("/api/v1/admin/view-rebuilds");
        assertThat(forwarded.header("Kariz-Organization-Id")).isEmpty();
        assertThat(forwarded.header("Kariz-Visibility")).isEmpty();
        assertThat(forwarded.header("Kariz-Time-Zone")).isEmpty();
        assertThat(forwarded.header("Kariz-User-Id")).hasValue("platform-admin");
        assertThat(forwarded.header("Kariz-User-Role")).hasValue("PLATFORM_ADMIN");
        assertThatSignatureIsValid(forwarded);
    }

    // --- validation

    @Test
    void invalidFieldsAreAllNamedInOneProblem() {
        call(ADMIN_TOKEN, HttpMethod.POST, "/api/v1/admin/organizations",
                "{\"name\":\"   \",\"timeZone\":\"Mars/Olympus\",\"locale\":\"de\",\"visibility\":\"SOME\"}")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:kariz:problem:invalid-input")
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[1].field").isEqualTo("timeZone")
                .jsonPath("$.errors[2].field").isEqualTo("locale")
                .jsonPath("$.errors[3].field").isEqualTo("visibility")
                .jsonPath("$.errors[3].message").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name too long                     | name     | {\"name\":\"%s\",\"email\":\"a@b.ir\",\"role\":\"MEMBER\"}",
            "email without a domain            | email    | {\"name\":\"Ali\",\"email\":\"ali@\",\"role\":\"MEMBER\"}",
            "email with a space                | email    | {\"name\":\"Ali\",\"email\":\"a li@x.ir\",\"role\":\"MEMBER\"}",
            "email without an at sign          | email    | {\"name\":\"Ali\",\"email\":\"ali.example.ir\",\"role\":\"MEMBER\"}",
            "platform administrator is no user role | role | {\"name\":\"Ali\",\"email\":\"a@b.ir\",\"role\":\"PLATFORM_ADMIN\"}",
            "an offset is not an IANA zone     | timeZone | {\"name\":\"Ali\",\"email\":\"a@b.ir\",\"role\":\"MEMBER\",\"timeZone\":\"+03:30\"}",
            "missing role                      | role     | {\"name\":\"Ali\",\"email\":\"a@b.ir\"}"})
    void anInvalidUserIsRefused(String why, String field, String body) {
        Org org = newOrganization("EVERYONE");
        call(org.adminToken, HttpMethod.POST, "/api/v1/users", body.formatted("ن".repeat(101)))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void aNameOfAHundredPersianLettersIsFine() {
        Org org = newOrganization("EVERYONE");
        call(org.adminToken, HttpMethod.POST, "/api/v1/users",
                "{\"name\":\"" + "ن".repeat(100) + "\",\"email\":\"n@x.ir\",\"role\":\"MANAGER\",\"timeZone\":\"Europe/Berlin\",\"locale\":\"en\"}")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.timeZone").isEqualTo("Europe/Berlin").jsonPath("$.locale").isEqualTo("en");
    }

    @Test
    void anEmailIsUniqueInAnOrganizationWhateverItsCaseButNotAcrossOrganizations() {
        Org org = newOrganization("EVERYONE");
        Org other = newOrganization("EVERYONE");
        String user = "{\"name\":\"Reza\",\"email\":\"%s\",\"role\":\"MEMBER\"}";
        call(org.adminToken, HttpMethod.POST, "/api/v1/users", user.formatted("reza@example.ir"))
                .expectStatus().isCreated();
        call(org.adminToken, HttpMethod.POST, "/api/v1/users", user.formatted("Reza@Example.IR"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:conflict");
        call(other.adminToken, HttpMethod.POST, "/api/v1/users", user.formatted("reza@example.ir"))
                .expectStatus().isCreated();
    }

    @Test
    void aUserOfAnUnknownOrganizationIsNotFound() {
        call(ADMIN_TOKEN, HttpMethod.POST, "/api/v1/admin/organizations/no-such-org/users",
                "{\"name\":\"Ali\",\"email\":\"a@b.ir\",\"role\":\"ADMIN\"}")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:not-found");
    }

    // --- the organisation and its users

    @Test
    void anAdministratorChangesTheOrganizationAndAMemberMayNot() {
        Org org = newOrganization("EVERYONE");
        String member = newUser(org, "MEMBER").token;

        call(member, HttpMethod.PATCH, "/api/v1/organization", "{\"name\":\"Hijacked\"}")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:forbidden");
        call(org.adminToken, HttpMethod.PATCH, "/api/v1/organization",
                "{\"visibility\":\"OWNER_AND_MANAGERS\",\"timeZone\":\"Asia/Kabul\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.visibility").isEqualTo("OWNER_AND_MANAGERS")
                .jsonPath("$.timeZone").isEqualTo("Asia/Kabul")
                .jsonPath("$.name").isEqualTo(org.name);

        call(member, HttpMethod.GET, "/api/v1/organization", null).expectStatus().isOk()
                .expectBody().jsonPath("$.visibility").isEqualTo("OWNER_AND_MANAGERS");
        call(member, HttpMethod.GET, "/api/v1/pipelines", null).expectStatus().isOk();
        StubService.Received forwarded = deals.takeRequest();
        assertThat(forwarded.header("Kariz-Visibility")).as("a change counts from the next request")
                .hasValue("OWNER_AND_MANAGERS");
        assertThat(forwarded.header("Kariz-Time-Zone")).hasValue("Asia/Kabul");
    }

    @Test
    void anotherOrganizationsUserIsNotFound() {
        Org org = newOrganization("EVERYONE");
        Org other = newOrganization("EVERYONE");
        NewUser stranger = newUser(other, "MEMBER");

        call(org.adminToken, HttpMethod.GET, "/api/v1/users/" + stranger.id, null).expectStatus().isNotFound();
        call(org.adminToken, HttpMethod.PATCH, "/api/v1/users/" + stranger.id, "{\"role\":\"ADMIN\"}")
                .expectStatus().isNotFound();
        call(org.adminToken, HttpMethod.POST, "/api/v1/users/" + stranger.id + "/tokens", "{}")
                .expectStatus().isNotFound();
        call(org.adminToken, HttpMethod.DELETE, "/api/v1/users/" + stranger.id + "/tokens", null)
                .expectStatus().isNotFound();
        call(stranger.token, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk()
                .expectBody().jsonPath("$.user.role").isEqualTo("MEMBER");
    }

    @Test
    void anAdministratorChangesAUsersRoleAndZoneAndTheUserCanFollowTheOrganizationsZoneAgain() {
        Org org = newOrganization("EVERYONE");
        NewUser user = newUser(org, "MEMBER");

        call(org.adminToken, HttpMethod.PATCH, "/api/v1/users/" + user.id,
                "{\"role\":\"MANAGER\",\"timeZone\":\"Asia/Dubai\",\"name\":\"مریم\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("MANAGER").jsonPath("$.timeZone").isEqualTo("Asia/Dubai")
                .jsonPath("$.name").isEqualTo("مریم");
        call(user.token, HttpMethod.GET, "/api/v1/deals", null).expectStatus().isOk();
        StubService.Received forwarded = views.takeRequest();
        assertThat(forwarded.header("Kariz-User-Role")).hasValue("MANAGER");
        assertThat(forwarded.header("Kariz-Time-Zone")).hasValue("Asia/Dubai");

        // An absent field stays as it is; a null one clears the user's own setting.
        call(org.adminToken, HttpMethod.PATCH, "/api/v1/users/" + user.id, "{\"name\":\"مریم رضایی\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.timeZone").isEqualTo("Asia/Dubai");
        call(org.adminToken, HttpMethod.PATCH, "/api/v1/users/" + user.id, "{\"timeZone\":null}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.timeZone").doesNotExist().jsonPath("$.role").isEqualTo("MANAGER");
        call(user.token, HttpMethod.GET, "/api/v1/deals", null).expectStatus().isOk();
        assertThat(views.takeRequest().header("Kariz-Time-Zone")).hasValue("Asia/Tehran");
    }

    // --- roles on the services' routes

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST,   /api/v1/pipelines",
            "PATCH,  /api/v1/pipelines/p-1",
            "DELETE, /api/v1/pipelines/p-1",
            "POST,   /api/v1/pipelines/p-1/stages",
            "PATCH,  /api/v1/pipelines/p-1/stages/s-1",
            "DELETE, /api/v1/pipelines/p-1/stages/s-1",
            "PUT,    /api/v1/pipelines/p-1/stage-order",
            "POST,   /api/v1/activity-types",
            "PATCH,  /api/v1/activity-types/visit",
            "POST,   /api/v1/users",
            "PATCH,  /api/v1/users/u-1",
            "POST,   /api/v1/users/u-1/tokens",
            "PATCH,  /api/v1/organization"})
    void onlyAnAdministratorMayChangeTheOrganizationsSetup(String method, String path) {
        Org org = newOrganization("EVERYONE");
        for (String role : List.of("MEMBER", "MANAGER")) {
            call(newUser(org, role).token, HttpMethod.valueOf(method), path, "{}")
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:forbidden");
        }
        assertThat(List.of(deals, activities, views)).allSatisfy(stub -> assertThat(stub.receivedNothing()).isTrue());
    }

    @Test
    void aMemberWorksWithDealsAndActivities() {
        Org org = newOrganization("EVERYONE");
        String member = newUser(org, "MEMBER").token;
        call(member, HttpMethod.POST, "/api/v1/deals", "{}").expectStatus().isOk();
        call(member, HttpMethod.POST, "/api/v1/activities", "{}").expectStatus().isOk();
        call(member, HttpMethod.GET, "/api/v1/pipelines/p-1/board", null).expectStatus().isOk();
        assertThat(deals.takeRequest().header("Kariz-User-Role")).hasValue("MEMBER");
        assertThat(activities.takeRequest().header("Kariz-Organization-Id")).hasValue(org.id);
        assertThat(views.takeRequest().pathAndQuery()).isEqualTo("/api/v1/pipelines/p-1/board");
    }

    // --- tokens

    @Test
    void revokedTokensStopWorkingAtOnceAndANewOneWorks() {
        Org org = newOrganization("EVERYONE");
        NewUser user = newUser(org, "MEMBER");
        String second = body(call(org.adminToken, HttpMethod.POST, "/api/v1/users/" + user.id + "/tokens", "{}")
                .expectStatus().isCreated()).path("apiToken").asText();
        // Earlier tokens stay valid.
        call(user.token, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk();
        call(second, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk();

        call(org.adminToken, HttpMethod.DELETE, "/api/v1/users/" + user.id + "/tokens", null)
                .expectStatus().isNoContent();

        for (String revoked : List.of(user.token, second)) {
            call(revoked, HttpMethod.GET, "/api/v1/pipelines", null)
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:unauthenticated");
        }
        assertThat(deals.receivedNothing()).isTrue();
        String third = body(call(org.adminToken, HttpMethod.POST, "/api/v1/users/" + user.id + "/tokens", "{}")
                .expectStatus().isCreated()).path("apiToken").asText();
        call(third, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk();
    }

    @Test
    void aUserRevokesTheirOwnTokensButNotAnothers() {
        Org org = newOrganization("EVERYONE");
        NewUser member = newUser(org, "MEMBER");
        NewUser colleague = newUser(org, "MEMBER");

        call(member.token, HttpMethod.DELETE, "/api/v1/users/" + colleague.id + "/tokens", null)
                .expectStatus().isForbidden();
        call(colleague.token, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk();

        call(member.token, HttpMethod.DELETE, "/api/v1/users/" + member.id + "/tokens", null)
                .expectStatus().isNoContent();
        call(member.token, HttpMethod.GET, "/api/v1/me", null).expectStatus().isUnauthorized();
    }

    // --- what the services are told

    @Test
    void theServiceGetsSignedIdentityHeadersAndNoneTheClientMadeUp() {
        Org org = newOrganization("OWNER_AND_MANAGERS");
        NewUser member = newUser(org, "MEMBER");
        call(member.token, HttpMethod.POST, "/api/v1/deals/d-1/move", "{}", headers -> {
            headers.set("Kariz-Organization-Id", "someone-elses-org");
            headers.set("kariz-user-role", "ADMIN");
            headers.set("Kariz-Visibility", "EVERYONE");
            headers.set("Kariz-Identity-Issued-At", "1800000000");
            headers.set("Kariz-Identity-Signature", "v1=forged");
        }).expectStatus().isOk();

        StubService.Received forwarded = deals.takeRequest();
        assertThat(forwarded.headerValues("Kariz-Organization-Id")).containsExactly(org.id);
        assertThat(forwarded.headerValues("Kariz-User-Id")).containsExactly(member.id);
        assertThat(forwarded.headerValues("Kariz-User-Role")).containsExactly("MEMBER");
        assertThat(forwarded.headerValues("Kariz-Visibility")).containsExactly("OWNER_AND_MANAGERS");
        assertThat(forwarded.headerValues("Kariz-Time-Zone")).containsExactly("Asia/Tehran");
        assertThat(forwarded.headerValues("Kariz-Identity-Signature")).hasSize(1);
        assertThat(Long.parseLong(forwarded.header("Kariz-Identity-Issued-At").orElseThrow()))
                .isCloseTo(Instant.now().getEpochSecond(), within(60L));
        assertThatSignatureIsValid(forwarded);
    }

    @Test
    void theSignatureCoversTheRawPathAsTheServiceReceivesIt() {
        Org org = newOrganization("EVERYONE");
        String admin = org.adminToken;
        client.get().uri(java.net.URI.create(gatewayUri() + "/api/v1/deals/d%20%D8%A7?q=%D8%A7"))
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk();

        StubService.Received forwarded = views.takeRequest();
        assertThat(forwarded.pathAndQuery()).isEqualTo("/api/v1/deals/d%20%D8%A7?q=%D8%A7");
        assertThatSignatureIsValid(forwarded);
    }

    // --- helpers

    private record Org(String id, String name, String adminToken) {
    }

    private record NewUser(String id, String token) {
    }

    private static Org newOrganization(String visibility) {
        String name = "Org " + UUID.randomUUID();
        String id = body(call(ADMIN_TOKEN, HttpMethod.POST, "/api/v1/admin/organizations",
                "{\"name\":\"" + name + "\",\"timeZone\":\"Asia/Tehran\",\"locale\":\"en\",\"visibility\":\""
                        + visibility + "\"}").expectStatus().isCreated()).path("id").asText();
        JsonNode admin = body(call(ADMIN_TOKEN, HttpMethod.POST, "/api/v1/admin/organizations/" + id + "/users",
                "{\"name\":\"Admin\",\"email\":\"admin@" + id + ".example\",\"role\":\"ADMIN\"}")
                .expectStatus().isCreated());
        return new Org(id, name, admin.path("apiToken").asText());
    }

    private static NewUser newUser(Org org, String role) {
        JsonNode user = body(call(org.adminToken, HttpMethod.POST, "/api/v1/users",
                "{\"name\":\"User\",\"email\":\"" + UUID.randomUUID() + "@example.ir\",\"role\":\"" + role + "\"}")
                .expectStatus().isCreated());
        return new NewUser(user.path("id").asText(), user.path("apiToken").asText());
    }

    private static WebTestClient.ResponseSpec call(String token, HttpMethod method, String path, String body) {
        return call(token, method, path, body, headers -> { });
    }

    private static WebTestClient.ResponseSpec call(String token, HttpMethod method, String path, String body,
                                                   java.util.function.Consumer<HttpHeaders> headers) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
            headers.accept(h);
        });
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        }
        return request.exchange();
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        try {
            return JSON.readTree(response.expectBody(byte[].class).returnResult().getResponseBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String gatewayUri() {
        return "http://127.0.0.1:" + gateway.port();
    }

    /** Checks the signature as a service does: over what it received, with the shared secret. */
    private static void assertThatSignatureIsValid(StubService.Received forwarded) {
        String rawPath = forwarded.pathAndQuery().split("\\?", 2)[0];
        assertThat(forwarded.header("Kariz-Identity-Signature")).hasValue(new IdentitySignature(RunningGateway.SECRET)
                .sign(forwarded.method(), rawPath, name -> forwarded.header(name).orElse(null)));
    }
}
