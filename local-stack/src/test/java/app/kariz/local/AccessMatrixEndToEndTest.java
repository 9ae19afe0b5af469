package app.kariz.local;

import app.kariz.gateway.routing.Access;
import app.kariz.gateway.routing.ApiRoute;
import app.kariz.gateway.routing.ApiRoutes;
import app.kariz.local.GatewayClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, for every operation of the public API, through the gateway on the local stack: no token and a
 * revoked token are 401; another organisation's ids are 404 as if they did not exist; a MEMBER of an organisation
 * with {@code OWNER_AND_MANAGERS} visibility gets 404 for a colleague's deal or activity; a MEMBER gets 403 for
 * what only an ADMIN (or the platform administrator) may do. The table of calls below must name every operation
 * of the gateway's route table, so a new operation cannot join the API without joining this matrix; and every
 * operation of the OpenAPI description answers.
 */
class AccessMatrixEndToEndTest {

    private static final String DEMO_TOKEN = "matrix-demo-token";
    private static final String PLATFORM_TOKEN = "matrix-platform-admin-token";
    private static final String DUE = LocalDate.now().plusDays(3).toString();

    @TempDir
    static Path dataDir;
    private static LocalStack stack;
    private static Tenant alpha;
    private static Tenant beta;
    private static GatewayClient alphaMember;
    private static GatewayClient alphaManager;
    private static GatewayClient revoked;

    /** Ids of one organisation's things: a deal and activity owned by {@code owner}, its pipeline and users. */
    private record Tenant(String organizationId, GatewayClient admin, String adminId, String pipelineId,
                          List<String> stageIds, String ownerId, String dealId, String activityId) {

        Map<String, String> ids() {
            return Map.of("pipeline", pipelineId, "stage", stageIds.get(0), "otherStage", stageIds.get(1),
                    "stageOrder", stageIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")),
                    "deal", dealId, "activity", activityId, "user", ownerId, "organization", organizationId);
        }
    }

    /** One call of an operation: its path and body with {@code {deal}}-style placeholders for a tenant's ids. */
    private record Call(String path, String body) {

        String path(Map<String, String> ids) {
            return fill(path, ids);
        }

        String body(Map<String, String> ids) {
            return body == null ? null : fill(body, ids);
        }

        /** Whether the call names one thing of an organisation, in its path or its body. */
        boolean namesAThing() {
            return (path + body).contains("{deal}") || (path + body).contains("{activity}")
                    || (path + body).contains("{pipeline}") || (path + body).contains("{user}")
                    || (path + body).contains("{organization}");
        }

        /** Whether the call names a deal or an activity: what visibility hides from a MEMBER. */
        boolean namesADealOrActivity() {
            return (path + body).contains("{deal}") || (path + body).contains("{activity}");
        }

        private static String fill(String text, Map<String, String> ids) {
            String filled = text;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                filled = filled.replace("{" + id.getKey() + "}", id.getValue());
            }
            return filled;
        }
    }

    private static final Map<String, Call> CALLS = calls();

    private static Map<String, Call> calls() {
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("GET /api/v1/pipelines", new Call("/api/v1/pipelines", null));
        calls.put("POST /api/v1/pipelines", new Call("/api/v1/pipelines", "{\"name\": \"P\", \"stages\": [{\"name\": \"S\"}]}"));
        calls.put("GET /api/v1/pipelines/{id}", new Call("/api/v1/pipelines/{pipeline}", null));
        calls.put("PATCH /api/v1/pipelines/{id}", new Call("/api/v1/pipelines/{pipeline}", "{\"name\": \"Renamed\"}"));
        calls.put("DELETE /api/v1/pipelines/{id}", new Call("/api/v1/pipelines/{pipeline}", null));
        calls.put("POST /api/v1/pipelines/{id}/stages", new Call("/api/v1/pipelines/{pipeline}/stages", "{\"name\": \"New\"}"));
        calls.put("PATCH /api/v1/pipelines/{id}/stages/{stageId}",
                new Call("/api/v1/pipelines/{pipeline}/stages/{stage}", "{\"name\": \"Renamed\"}"));
        calls.put("DELETE /api/v1/pipelines/{id}/stages/{stageId}",
                new Call("/api/v1/pipelines/{pipeline}/stages/{stage}?moveDealsTo={otherStage}", null));
        calls.put("PUT /api/v1/pipelines/{id}/stage-order",
                new Call("/api/v1/pipelines/{pipeline}/stage-order", "{\"stageIds\": [{stageOrder}]}"));
        calls.put("POST /api/v1/deals", new Call("/api/v1/deals",
                "{\"title\": \"T\", \"pipelineId\": \"{pipeline}\", \"stageId\": \"{stage}\"}"));
        calls.put("PATCH /api/v1/deals/{id}", new Call("/api/v1/deals/{deal}", "{\"title\": \"Changed\"}"));
        calls.put("DELETE /api/v1/deals/{id}", new Call("/api/v1/deals/{deal}", null));
        calls.put("POST /api/v1/deals/{id}/move", new Call("/api/v1/deals/{deal}/move", "{\"stageId\": \"{otherStage}\"}"));
        calls.put("POST /api/v1/deals/{id}/won", new Call("/api/v1/deals/{deal}/won", "{}"));
        calls.put("POST /api/v1/deals/{id}/lost", new Call("/api/v1/deals/{deal}/lost", "{\"reason\": \"No budget\"}"));
        calls.put("POST /api/v1/deals/{id}/reopen", new Call("/api/v1/deals/{deal}/reopen", "{}"));
        calls.put("POST /api/v1/activities", new Call("/api/v1/activities",
                "{\"dealId\": \"{deal}\", \"type\": \"task\", \"subject\": \"S\", \"dueDate\": \"" + DUE + "\"}"));
        calls.put("POST /api/v1/activities/{id}/complete", new Call("/api/v1/activities/{activity}/complete",
                "{\"result\": \"Done\"}"));
        calls.put("POST /api/v1/activities/{id}/postpone", new Call("/api/v1/activities/{activity}/postpone",
                "{\"by\": \"P1D\"}"));
        calls.put("PATCH /api/v1/activities/{id}", new Call("/api/v1/activities/{activity}", "{\"subject\": \"Changed\"}"));
        calls.put("DELETE /api/v1/activities/{id}", new Call("/api/v1/activities/{activity}", null));
        calls.put("POST /api/v1/activities/{id}/reopen", new Call("/api/v1/activities/{activity}/reopen", "{}"));
        calls.put("GET /api/v1/activity-types", new Call("/api/v1/activity-types", null));
        calls.put("POST /api/v1/activity-types", new Call("/api/v1/activity-types", "{\"key\": \"visit\", \"name\": \"Visit\"}"));
        calls.put("GET /api/v1/activity-types/{key}", new Call("/api/v1/activity-types/call", null));
        calls.put("PATCH /api/v1/activity-types/{key}", new Call("/api/v1/activity-types/call", "{\"name\": \"Phone\"}"));
        calls.put("GET /api/v1/stream", new Call("/api/v1/stream?pipelineId={pipeline}", null));
        calls.put("GET /api/v1/activities/{id}", new Call("/api/v1/activities/{activity}", null));
        calls.put("GET /api/v1/deals", new Call("/api/v1/deals", null));
        calls.put("GET /api/v1/agenda", new Call("/api/v1/agenda", null));
        calls.put("GET /api/v1/pipelines/{id}/stages/{stageId}/deals",
                new Call("/api/v1/pipelines/{pipeline}/stages/{stage}/deals", null));
        calls.put("GET /api/v1/deals/{id}", new Call("/api/v1/deals/{deal}", null));
        calls.put("GET /api/v1/deals/{id}/timeline", new Call("/api/v1/deals/{deal}/timeline", null));
        calls.put("GET /api/v1/pipelines/{id}/board", new Call("/api/v1/pipelines/{pipeline}/board", null));
        calls.put("POST /api/v1/admin/view-rebuilds", new Call("/api/v1/admin/view-rebuilds", "{}"));
        calls.put("GET /api/v1/admin/view-rebuilds/{id}", new Call("/api/v1/admin/view-rebuilds/no-such-rebuild", null));
        calls.put("POST /api/v1/admin/organizations", new Call("/api/v1/admin/organizations",
                "{\"name\": \"X\", \"timeZone\": \"Asia/Tehran\", \"locale\": \"fa\"}"));
        calls.put("GET /api/v1/admin/organizations", new Call("/api/v1/admin/organizations", null));
        calls.put("POST /api/v1/admin/organizations/{orgId}/users", new Call("/api/v1/admin/organizations/{organization}/users",
                "{\"name\": \"N\", \"email\": \"n@example.com\", \"role\": \"MEMBER\"}"));
        calls.put("GET /api/v1/me", new Call("/api/v1/me", null));
        calls.put("GET /api/v1/organization", new Call("/api/v1/organization", null));
        calls.put("PATCH /api/v1/organization", new Call("/api/v1/organization", "{\"name\": \"Renamed\"}"));
        calls.put("GET /api/v1/users", new Call("/api/v1/users", null));
        calls.put("POST /api/v1/users", new Call("/api/v1/users",
                "{\"name\": \"N\", \"email\": \"new@example.com\", \"role\": \"MEMBER\"}"));
        calls.put("GET /api/v1/users/{id}", new Call("/api/v1/users/{user}", null));
        calls.put("PATCH /api/v1/users/{id}", new Call("/api/v1/users/{user}", "{\"name\": \"Renamed\"}"));
        calls.put("POST /api/v1/users/{id}/tokens", new Call("/api/v1/users/{user}/tokens", "{}"));
        calls.put("DELETE /api/v1/users/{id}/tokens", new Call("/api/v1/users/{user}/tokens", null));
        return calls;
    }

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(new LocalSettings(dataDir, 0, 0, 0, DEMO_TOKEN).withAdminToken(PLATFORM_TOKEN));
        GatewayClient platform = client(PLATFORM_TOKEN);
        String alphaId = createOrganization(platform, "آلفا", "OWNER_AND_MANAGERS");
        String betaId = createOrganization(platform, "Beta", "EVERYONE");
        JsonNode alphaAdmin = createUser(platform, alphaId, "admin@alpha.example", "ADMIN");
        JsonNode alphaOwner = createUser(platform, alphaId, "owner@alpha.example", "MEMBER");
        JsonNode member = createUser(platform, alphaId, "member@alpha.example", "MEMBER");
        JsonNode manager = createUser(platform, alphaId, "manager@alpha.example", "MANAGER");
        JsonNode leaver = createUser(platform, alphaId, "leaver@alpha.example", "MEMBER");
        JsonNode betaAdmin = createUser(platform, betaId, "admin@beta.example", "ADMIN");
        alpha = tenant(alphaId, alphaAdmin, alphaOwner);
        beta = tenant(betaId, betaAdmin, betaAdmin);
        alphaMember = client(member.get("apiToken").asText());
        alphaManager = client(manager.get("apiToken").asText());
        revoked = client(leaver.get("apiToken").asText());
        assertThat(revoked.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(alpha.admin().delete("/api/v1/users/" + leaver.get("id").asText() + "/tokens").status())
                .isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theMatrixNamesEveryOperationOfTheRouteTable() {
        assertThat(CALLS.keySet()).containsExactlyInAnyOrderElementsOf(
                ApiRoutes.v1().stream().map(AccessMatrixEndToEndTest::key).toList());
    }

    @Test
    void withoutATokenEveryOperationIs401() {
        GatewayClient anonymous = client(null);
        assertThat(statuses(anonymous, alpha)).allSatisfy((operation, status) ->
                assertThat(status).as(operation).isEqualTo(401));
    }

    @Test
    void aRevokedTokenIs401OnEveryOperation() {
        assertThat(statuses(revoked, alpha)).allSatisfy((operation, status) ->
                assertThat(status).as(operation).isEqualTo(401));
    }

    @Test
    void anotherOrganisationsIdsAre404OnEveryOperationThatNamesOneInItsPath() {
        Map<String, Call> naming = calls(route -> route.access() != Access.PLATFORM_ADMIN
                && CALLS.get(key(route)).namesAThing() && !key(route).equals("POST /api/v1/deals")
                && !key(route).equals("POST /api/v1/deals/{id}/move"));
        assertThat(naming).hasSizeGreaterThan(25);

        Map<String, Integer> statuses = statuses(beta.admin(), alpha, naming);

        assertThat(statuses).allSatisfy((operation, status) -> assertThat(status).as(operation).isEqualTo(404));
        assertThat(alpha.admin().get("/api/v1/deals/" + alpha.dealId()).status()).as("nothing changed")
                .isEqualTo(200);
    }

    /** A pipeline or stage named in a body is input: another organisation's answers exactly like a made-up one. */
    @Test
    void anotherOrganisationsPipelinesAndStagesInABodyAnswerExactlyLikeUnknownOnes() {
        Map<String, String> madeUp = new LinkedHashMap<>(beta.ids());
        madeUp.replaceAll((name, id) -> "no-such-" + name);
        madeUp.put("deal", beta.dealId());
        Map<String, String> alphas = new LinkedHashMap<>(madeUp);
        alphas.putAll(Map.of("pipeline", alpha.pipelineId(), "stage", alpha.stageIds().get(0),
                "otherStage", alpha.stageIds().get(1)));

        for (String operation : List.of("POST /api/v1/deals", "POST /api/v1/deals/{id}/move")) {
            Call call = CALLS.get(operation);
            String method = operation.substring(0, operation.indexOf(' '));
            Reply foreign = beta.admin().send(method, call.path(alphas), call.body(alphas));
            Reply unknown = beta.admin().send(method, call.path(madeUp), call.body(madeUp));
            assertThat(foreign.status()).as(operation).isIn(404, 422).isEqualTo(unknown.status());
            assertThat(foreign.body().get("type")).as(operation).isEqualTo(unknown.body().get("type"));
            assertThat(foreign.body().get("errors")).as(operation).isEqualTo(unknown.body().get("errors"));
        }
    }

    @Test
    void listsSearchAgendaAndBoardsNeverShowAnotherOrganisation() {
        JsonNode colleaguesAgenda = beta.admin().get("/api/v1/agenda?assigneeId=" + alpha.ownerId()).body();
        assertThat(colleaguesAgenda.get("overdue")).isEmpty();
        assertThat(colleaguesAgenda.get("today")).isEmpty();
        String betaDeals = beta.admin().get("/api/v1/deals?q=Alpha").body().toString()
                + beta.admin().get("/api/v1/deals").body()
                + beta.admin().get("/api/v1/agenda").body()
                + beta.admin().get("/api/v1/users").body()
                + beta.admin().get("/api/v1/pipelines").body()
                + beta.admin().get("/api/v1/pipelines/" + beta.pipelineId() + "/board").body();

        assertThat(betaDeals).doesNotContain(alpha.dealId(), alpha.activityId(), alpha.ownerId(), alpha.pipelineId())
                .contains(beta.dealId());
    }

    @Test
    void aMemberUnderOwnerAndManagersGets404ForAColleaguesDealsAndActivities() {
        Map<String, Call> dealsAndActivities = calls(route -> route.access() == Access.ANY
                && CALLS.get(key(route)).namesADealOrActivity());
        assertThat(dealsAndActivities).hasSizeGreaterThanOrEqualTo(15);

        assertThat(statuses(alphaMember, alpha, dealsAndActivities)).allSatisfy((operation, status) ->
                assertThat(status).as(operation).isEqualTo(404));
        assertThat(alphaMember.get("/api/v1/agenda?assigneeId=" + alpha.ownerId()).status()).isEqualTo(403);
        assertThat(alphaManager.get("/api/v1/deals/" + alpha.dealId()).status()).isEqualTo(200);
        assertThat(alphaManager.get("/api/v1/activities/" + alpha.activityId()).status()).isEqualTo(200);
    }

    @Test
    void aMemberSeesOnlyTheirOwnDealsOnTheBoardAndInTheList() {
        Reply opened = alphaMember.post("/api/v1/deals", """
                {"title": "Mine", "pipelineId": "%s", "stageId": "%s"}"""
                .formatted(alpha.pipelineId(), alpha.stageIds().get(0)));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String mine = opened.body().get("id").asText();
        assertThat(alphaMember.post("/api/v1/deals", """
                {"title": "For someone else", "pipelineId": "%s", "stageId": "%s", "ownerId": "%s"}"""
                .formatted(alpha.pipelineId(), alpha.stageIds().get(0), alpha.ownerId())).status()).isEqualTo(403);

        List<String> listed = ids(alphaMember.get("/api/v1/deals").body().get("deals"));
        List<String> onBoard = ids(alphaMember.get("/api/v1/pipelines/" + alpha.pipelineId() + "/board").body()
                .get("stages").get(0).get("deals"));

        assertThat(listed).containsExactly(mine);
        assertThat(onBoard).containsExactly(mine);
        assertThat(ids(alphaManager.get("/api/v1/deals").body().get("deals"))).contains(mine, alpha.dealId());
    }

    @Test
    void aMemberGets403ForEveryAdministrativeOperation() {
        Map<String, Call> administrative = calls(route -> route.access() != Access.ANY);
        assertThat(administrative).hasSizeGreaterThanOrEqualTo(18);

        assertThat(statuses(alphaMember, alpha, administrative)).allSatisfy((operation, status) ->
                assertThat(status).as(operation).isEqualTo(403));
    }

    /**
     * The OpenAPI description matches the real endpoints: every documented operation answers, through the gateway,
     * with something other than "no such operation" (405, the gateway's unknown-path 404 or a service's plain 404),
     * called with made-up ids by a caller allowed to call it.
     */
    @Test
    void everyOperationTheOpenApiDescriptionDocumentsAnswers() throws Exception {
        JsonNode description;
        try (InputStream in = AccessMatrixEndToEndTest.class.getResourceAsStream("/openapi/kariz-api-v1.json")) {
            description = new ObjectMapper().readTree(in);
        }
        GatewayClient demo = client(DEMO_TOKEN);
        GatewayClient platform = client(PLATFORM_TOKEN);
        List<String> unanswered = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (!path.getValue().has(method)) {
                    continue;
                }
                operations++;
                String concrete = path.getKey().replaceAll("\\{(\\w+)}", "x-$1")
                        + (path.getKey().equals("/api/v1/stream") ? "?pipelineId=x-pipeline" : "");
                GatewayClient caller = concrete.startsWith("/api/v1/admin/") ? platform : demo;
                String body = method.equals("get") || method.equals("delete") ? null : "{}";
                Reply reply = caller.send(method.toUpperCase(), concrete, body);
                String detail = reply.body().path("detail").asText("");
                boolean noSuchOperation = reply.status() == 405 || reply.status() == 401
                        || reply.status() == 404 && (detail.endsWith(" in the API.")
                        || reply.body().path("type").asText("about:blank").equals("about:blank"));
                if (noSuchOperation) {
                    unanswered.add(method.toUpperCase() + " " + concrete + " → " + reply.status() + " " + detail);
                }
            }
        }
        assertThat(operations).isEqualTo(ApiRoutes.v1().size());
        assertThat(unanswered).isEmpty();
    }

    private static Map<String, Integer> statuses(GatewayClient caller, Tenant target) {
        return statuses(caller, target, CALLS);
    }

    private static Map<String, Integer> statuses(GatewayClient caller, Tenant target, Map<String, Call> calls) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        Map<String, String> ids = target.ids();
        calls.forEach((operation, call) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            statuses.put(operation, caller.send(method, call.path(ids), call.body(ids)).status());
        });
        return statuses;
    }

    private static Map<String, Call> calls(Predicate<ApiRoute> which) {
        Set<String> keys = ApiRoutes.v1().stream().filter(which).map(AccessMatrixEndToEndTest::key)
                .collect(Collectors.toSet());
        Map<String, Call> chosen = new LinkedHashMap<>(CALLS);
        chosen.keySet().retainAll(keys);
        return chosen;
    }

    private static String key(ApiRoute route) {
        return route.method().name() + " " + route.path().getPatternString();
    }

    private static Tenant tenant(String organizationId, JsonNode admin, JsonNode owner) {
        GatewayClient adminClient = client(admin.get("apiToken").asText());
        JsonNode pipeline = await().atMost(Duration.ofSeconds(30)).until(
                () -> adminClient.get("/api/v1/pipelines").body(), pipelines -> pipelines.size() == 1).get(0);
        List<String> stages = new ArrayList<>();
        pipeline.get("stages").forEach(stage -> stages.add(stage.get("id").asText()));
        Reply deal = adminClient.post("/api/v1/deals", """
                {"title": "Alpha deal %s", "pipelineId": "%s", "stageId": "%s", "ownerId": "%s"}"""
                .formatted(organizationId, pipeline.get("id").asText(), stages.get(0), owner.get("id").asText()));
        assertThat(deal.status()).as(deal.body().toString()).isEqualTo(201);
        String dealId = deal.body().get("id").asText();
        Reply activity = adminClient.post("/api/v1/activities", """
                {"dealId": "%s", "type": "call", "subject": "Call", "dueDate": "%s"}""".formatted(dealId, DUE));
        assertThat(activity.status()).as(activity.body().toString()).isEqualTo(201);
        // Read through the view once, so every later request finds the deal applied.
        assertThat(adminClient.get("/api/v1/activities/" + activity.body().get("id").asText()).status())
                .isEqualTo(200);
        return new Tenant(organizationId, adminClient, admin.get("id").asText(), pipeline.get("id").asText(),
                List.copyOf(stages), owner.get("id").asText(), dealId, activity.body().get("id").asText());
    }

    private static String createOrganization(GatewayClient platform, String name, String visibility) {
        Reply created = platform.post("/api/v1/admin/organizations", """
                {"name": "%s", "timeZone": "Asia/Tehran", "locale": "fa", "visibility": "%s"}"""
                .formatted(name, visibility));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static JsonNode createUser(GatewayClient platform, String organizationId, String email, String role) {
        Reply created = platform.post("/api/v1/admin/organizations/" + organizationId + "/users", """
                {"name": "%s", "email": "%s", "role": "%s"}""".formatted(email, email, role));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    private static GatewayClient client(String token) {
        return new GatewayClient(stack.gatewayPort(), token);
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get("id").asText()).toList();
    }
}
