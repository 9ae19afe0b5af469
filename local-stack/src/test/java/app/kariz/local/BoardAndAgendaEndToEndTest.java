package app.kariz.local;

import app.kariz.local.GatewayClient.Reply;
import app.kariz.testing.sse.EventStreamClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a sales team looks at, through the gateway on the local stack: a board paged column by column, filtered by
 * indicator, the attention list, search in Persian, the agenda, and the live stream pushing a moved card.
 */
class BoardAndAgendaEndToEndTest {

    private static final String TOKEN = "board-token";
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final Duration PUSH_DEADLINE = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    private static LocalStack stack;
    private static GatewayClient api;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(new LocalSettings(dataDir, 0, 0, 0, TOKEN));
        api = new GatewayClient(stack.gatewayPort(), TOKEN);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theBoardTheAttentionListSearchTheAgendaAndTheLiveStream() throws Exception {
        LocalDate today = LocalDate.now(TEHRAN);
        JsonNode sales = api.get("/api/v1/pipelines").body().get(0);
        String pipeline = sales.get("id").asText();
        String lead = sales.get("stages").get(0).get("id").asText();
        String next = sales.get("stages").get(1).get("id").asText();

        String overdue = openDeal("Overdue", pipeline, lead);
        String dueToday = openDeal("Due today", pipeline, lead);
        String planned = openDeal("Planned", pipeline, lead);
        String persian = openDeal("قرارداد پشتیبانی سالانه", pipeline, lead, "مریم احمدی", "شرکت کاریز");
        List<String> adrift = new ArrayList<>(List.of(persian));
        for (int i = 1; i <= 3; i++) {
            adrift.add(openDeal("Adrift " + i, pipeline, lead));
        }
        String lateCall = schedule(overdue, "Call back", today.minusDays(1));
        String todaysMeeting = schedule(dueToday, "Meeting", today);
        schedule(planned, "Visit", today.plusDays(5));

        JsonNode column = api.get("/api/v1/pipelines/" + pipeline + "/board?limit=2").body().get("stages").get(0);
        assertThat(column.get("id").asText()).isEqualTo(lead);
        assertThat(column.get("count").asInt()).isEqualTo(7);
        assertThat(column.get("counts").get("NO_ACTIVITY").asInt()).isEqualTo(4);
        assertThat(column.get("counts").get("OVERDUE").asInt()).isEqualTo(1);
        assertThat(column.get("counts").get("TODAY").asInt()).isEqualTo(1);
        assertThat(column.get("counts").get("PLANNED").asInt()).isEqualTo(1);
        assertThat(column.get("deals")).hasSize(2);

        List<JsonNode> cards = new ArrayList<>(elements(column.get("deals")));
        String cursor = column.get("nextCursor").asText(null);
        while (cursor != null) {
            JsonNode page = api.get("/api/v1/pipelines/" + pipeline + "/stages/" + lead + "/deals?limit=2&cursor="
                    + encode(cursor)).body();
            assertThat(page.get("deals").size()).isBetween(1, 2);
            cards.addAll(elements(page.get("deals")));
            cursor = page.get("nextCursor").asText(null);
        }
        assertThat(cards).extracting(card -> card.get("id").asText()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(overdue, dueToday, planned, adrift.get(0), adrift.get(1), adrift.get(2),
                        adrift.get(3));
        assertThat(cards).extracting(card -> card.get("indicator").asText()).containsExactly("NO_ACTIVITY",
                "NO_ACTIVITY", "NO_ACTIVITY", "NO_ACTIVITY", "OVERDUE", "TODAY", "PLANNED");

        JsonNode urgent = api.get("/api/v1/pipelines/" + pipeline + "/board?indicator=OVERDUE,TODAY").body()
                .get("stages").get(0);
        assertThat(ids(urgent.get("deals"))).containsExactly(overdue, dueToday);
        assertThat(urgent.get("counts").get("NO_ACTIVITY").asInt()).isEqualTo(4);

        JsonNode attention = api.get("/api/v1/deals?indicator=NO_ACTIVITY,OVERDUE").body();
        assertThat(ids(attention.get("deals"))).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of(overdue), adrift.stream()).toList());

        for (String words : List.of("پشتیبانی", "مریم", "کاریز")) {
            assertThat(ids(api.get("/api/v1/deals?q=" + encode(words)).body().get("deals")))
                    .as("search for %s", words).containsExactly(persian);
        }

        JsonNode agenda = api.get("/api/v1/agenda").body();
        assertThat(agenda.get("date").asText()).isEqualTo(today.toString());
        assertThat(ids(agenda.get("overdue"))).containsExactly(lateCall);
        assertThat(agenda.get("overdue").get(0).get("dealTitle").asText()).isEqualTo("Overdue");
        assertThat(ids(agenda.get("today"))).containsExactly(todaysMeeting);
        assertThat(agenda.get("today").get(0).get("dealId").asText()).isEqualTo(dueToday);

        try (EventStreamClient stream = EventStreamClient.open(URI.create("http://127.0.0.1:" + stack.gatewayPort()
                + "/api/v1/stream?pipelineId=" + pipeline), Map.of("Authorization", "Bearer " + TOKEN))) {
            await().atMost(PUSH_DEADLINE).until(() -> stream.lines().stream().anyMatch(line -> line.startsWith("id:")));
            assertThat(api.post("/api/v1/deals/" + persian + "/move", "{\"stageId\": \"" + next + "\"}").status())
                    .isEqualTo(200);

            await().atMost(PUSH_DEADLINE).until(() -> stream.lines().stream().anyMatch(line -> line.startsWith("data:")
                    && line.contains("\"id\":\"" + persian + "\"") && line.contains("\"stageId\":\"" + next + "\"")));
        }
    }

    private static String openDeal(String title, String pipeline, String stage) {
        return openDeal(title, pipeline, stage, null, null);
    }

    private static String openDeal(String title, String pipeline, String stage, String person, String organization) {
        String body = """
                {"title": "%s", "pipelineId": "%s", "stageId": "%s", "personName": %s, "organizationName": %s}"""
                .formatted(title, pipeline, stage, quoted(person), quoted(organization));
        Reply opened = api.post("/api/v1/deals", body);
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        return opened.body().get("id").asText();
    }

    private static String schedule(String deal, String subject, LocalDate dueDate) {
        Reply scheduled = api.post("/api/v1/activities", """
                {"dealId": "%s", "type": "task", "subject": "%s", "dueDate": "%s", "timeZone": "Asia/Tehran"}"""
                .formatted(deal, subject, dueDate));
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        return scheduled.body().get("id").asText();
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> ids(JsonNode array) {
        return elements(array).stream().map(node -> node.get("id").asText()).toList();
    }
}
