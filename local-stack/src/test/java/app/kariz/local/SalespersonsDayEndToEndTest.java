package app.kariz.local;

import app.kariz.events.EventHeaders;
import app.kariz.events.Topics;
import app.kariz.local.GatewayClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A salesperson's day through the gateway: typed activities scheduled, done with and without results,
 * chained, postponed, rescheduled, cancelled and reopened, and a deleted deal taking its plans with it.
 */
class SalespersonsDayEndToEndTest {

    private static final String TOKEN = "salesperson-token";
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

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
    void aSalespersonsDay() {
        LocalDate today = LocalDate.now(TEHRAN);
        String deal = openDeal("تمدید قرارداد پشتیبانی");

        assertThat(keys(api.get("/api/v1/activity-types").body()))
                .contains("call", "meeting", "consultation", "task", "email", "deadline");
        assertThat(api.post("/api/v1/activity-types", "{\"key\": \"visit\", \"name\": \"بازدید حضوری\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/activity-types", "{\"key\": \"call\", \"name\": \"تماس\"}").status())
                .isEqualTo(409);

        String call = schedule(deal, """
                "type": "call", "subject": "تماس برای تمدید", "dueDate": "%s", "dueTime": "10:00",
                "timeZone": "Asia/Tehran", "durationMinutes": 15, "note": "شماره دفتر مرکزی",
                "location": "تلفن\"""".formatted(today));
        JsonNode callRead = activity(call);
        assertThat(callRead.get("status").asText()).isEqualTo("OPEN");
        assertThat(callRead.get("location").asText()).isEqualTo("تلفن");
        assertThat(callRead.get("dueTime").asText()).isEqualTo("10:00");
        String meeting = schedule(deal, """
                "type": "meeting", "subject": "جلسه حضوری", "dueDate": "%s", "dueTime": "11:00\""""
                .formatted(today.plusDays(1)));
        String deadline = schedule(deal, """
                "type": "deadline", "subject": "ارسال پیش‌نویس قرارداد", "dueDate": "%s\"""".formatted(today.plusDays(3)));
        assertThat(card(deal).get("openActivityCount").asInt()).isEqualTo(3);

        Reply noResult = api.post("/api/v1/activities/" + call + "/complete", "{}");
        assertThat(noResult.status()).isEqualTo(422);
        assertThat(noResult.body().get("errors").get(0).get("field").asText()).isEqualTo("result");
        assertThat(api.post("/api/v1/activities/" + deadline + "/complete", "{}").status()).isEqualTo(200);

        Reply badNext = api.post("/api/v1/activities/" + call + "/complete", """
                {"result": "قیمت جدید خواستند", "next": {"type": "fax", "subject": "x", "dueDate": "%s"}}"""
                .formatted(today.plusDays(2)));
        assertThat(badNext.status()).isEqualTo(422);
        assertThat(badNext.body().get("errors").get(0).get("field").asText()).isEqualTo("next.type");
        assertThat(activity(call).get("status").asText()).isEqualTo("OPEN");
        assertThat(card(deal).get("openActivityCount").asInt()).isEqualTo(2);

        Reply withNext = api.post("/api/v1/activities/" + call + "/complete", """
                {"result": "قیمت جدید خواستند", "next": {"type": "email", "subject": "ارسال قیمت جدید",
                 "dueDate": "%s", "dueTime": "09:30"}}""".formatted(today.plusDays(2)));
        assertThat(withNext.status()).as(withNext.body().toString()).isEqualTo(200);
        assertThat(withNext.body().get("dealHasOpenActivity").asBoolean()).isTrue();
        String email = withNext.body().get("next").get("id").asText();
        assertThat(activity(call).get("result").asText()).isEqualTo("قیمت جدید خواستند");
        assertThat(activity(email).get("status").asText()).isEqualTo("OPEN");

        Reply byADay = api.post("/api/v1/activities/" + meeting + "/postpone",
                "{\"by\": \"P1D\", \"reason\": \"مدیرعامل در سفر است\"}");
        assertThat(byADay.status()).as(byADay.body().toString()).isEqualTo(200);
        JsonNode postponed = activity(meeting);
        assertThat(postponed.get("dueDate").asText()).isEqualTo(today.plusDays(2).toString());
        assertThat(postponed.get("dueTime").asText()).isEqualTo("11:00");
        assertThat(postponed.get("postponeCount").asInt()).isEqualTo(1);
        assertThat(api.post("/api/v1/activities/" + meeting + "/postpone", "{\"by\": \"PT3H\"}").status())
                .isEqualTo(200);
        assertThat(activity(meeting).get("dueTime").asText()).isEqualTo("14:00");
        assertThat(api.post("/api/v1/activities/" + meeting + "/postpone",
                "{\"dueDate\": \"%s\"}".formatted(today)).status()).isEqualTo(422);
        assertThat(history(deal, "ACTIVITY_POSTPONED")).isNotEmpty();

        Reply earlier = api.patch("/api/v1/activities/" + meeting,
                "{\"dueDate\": \"%s\", \"dueTime\": \"16:00\"}".formatted(today.plusDays(1)), null);
        assertThat(earlier.status()).as(earlier.body().toString()).isEqualTo(200);
        JsonNode rescheduled = activity(meeting);
        assertThat(rescheduled.get("dueDate").asText()).isEqualTo(today.plusDays(1).toString());
        assertThat(rescheduled.get("postponeCount").asInt()).isEqualTo(2);
        assertThat(history(deal, "ACTIVITY_RESCHEDULED")).hasSize(1);

        Reply cancelled = api.delete("/api/v1/activities/" + email);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(activity(email).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(plannedIds(deal)).doesNotContain(email).contains(meeting);
        assertThat(history(deal, "ACTIVITY_CANCELLED")).hasSize(1);

        int doneBefore = card(deal).get("doneActivityCount").asInt();
        assertThat(api.post("/api/v1/activities/" + call + "/reopen", "{}").status()).isEqualTo(200);
        assertThat(activity(call).get("status").asText()).isEqualTo("OPEN");
        assertThat(card(deal).get("doneActivityCount").asInt()).isEqualTo(doneBefore - 1);
        assertThat(history(deal, "ACTIVITY_REOPENED")).hasSize(1);
        assertThat(api.post("/api/v1/activities/" + call + "/reopen", "{}").status()).isEqualTo(409);

        assertThat(api.patch("/api/v1/activity-types/visit", "{\"active\": false}", null).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/activities", """
                {"dealId": "%s", "type": "visit", "subject": "بازدید", "dueDate": "%s"}"""
                .formatted(deal, today.plusDays(5))).status()).isEqualTo(422);

        assertThat(api.delete("/api/v1/deals/" + deal).status()).isEqualTo(204);
        List<String> cancelledByDeletion = cancelledActivities(deal, "DEAL_DELETED", 2);
        assertThat(cancelledByDeletion).containsExactlyInAnyOrder(call, meeting);
        assertThat(api.post("/api/v1/activities/" + meeting + "/postpone", "{\"by\": \"P1D\"}").status())
                .isEqualTo(409);
    }

    private static List<String> cancelledActivities(String dealId, String reason, int expected) {
        List<String> cancelled = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "day-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ACTIVITIES));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    String type = new String(record.headers().lastHeader(EventHeaders.TYPE).value(),
                            StandardCharsets.UTF_8);
                    if (dealId.equals(record.key()) && type.equals("kariz.activity.cancelled.v1")
                            && record.value().contains("\"reason\":\"" + reason + "\"")) {
                        cancelled.add(new String(record.headers().lastHeader(EventHeaders.AGGREGATE_ID).value(),
                                StandardCharsets.UTF_8));
                    }
                });
                return cancelled.size() >= expected;
            });
        }
        return cancelled;
    }

    private static String openDeal(String title) {
        JsonNode sales = api.get("/api/v1/pipelines").body().get(0);
        Reply reply = api.post("/api/v1/deals", "{\"title\": \"%s\", \"pipelineId\": \"%s\", \"stageId\": \"%s\"}"
                .formatted(title, sales.get("id").asText(), sales.get("stages").get(0).get("id").asText()));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    private static String schedule(String dealId, String fields) {
        Reply reply = api.post("/api/v1/activities", "{\"dealId\": \"%s\", %s}".formatted(dealId, fields));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    private static JsonNode activity(String activityId) {
        Reply reply = api.get("/api/v1/activities/" + activityId);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode card(String dealId) {
        Reply reply = api.get("/api/v1/deals/" + dealId);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private static List<String> keys(JsonNode types) {
        return StreamSupport.stream(types.spliterator(), false).map(type -> type.get("key").asText()).toList();
    }

    private static List<String> plannedIds(String dealId) {
        JsonNode planned = api.get("/api/v1/deals/" + dealId + "/timeline").body().get("planned");
        return StreamSupport.stream(planned.spliterator(), false).map(entry -> entry.get("id").asText()).toList();
    }

    private static List<JsonNode> history(String dealId, String type) {
        JsonNode history = api.get("/api/v1/deals/" + dealId + "/timeline").body().get("history");
        return StreamSupport.stream(history.spliterator(), false)
                .filter(entry -> entry.get("type").asText().equals(type)).toList();
    }
}
