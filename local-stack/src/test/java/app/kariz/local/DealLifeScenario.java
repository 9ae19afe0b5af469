package app.kariz.local;

import app.kariz.events.EventHeaders;
import app.kariz.events.Topics;
import app.kariz.local.GatewayClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One deal's whole life through the public API, as a client would play it, then a restart on the same data.
 * Reads follow writes immediately, without polling: the gateway's read-your-writes must make them consistent.
 * Subclasses choose the infrastructure the stack runs on.
 */
abstract class DealLifeScenario {

    static final String TOKEN = "end-to-end-token";
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    void playsADealsWholeLifeAndSurvivesARestart(LocalSettings settings) throws Exception {
        String dealA;
        String dealB;
        String pipelineId;
        String secondStage;
        try (LocalStack stack = LocalStack.start(settings)) {
            GatewayClient api = new GatewayClient(stack.gatewayPort(), TOKEN);

            Reply pipelines = api.get("/api/v1/pipelines");
            assertThat(pipelines.status()).isEqualTo(200);
            JsonNode sales = pipelines.body().get(0);
            assertThat(sales.get("name").asText()).isEqualTo("Sales");
            assertThat(sales.get("stages").size()).isGreaterThanOrEqualTo(4);
            pipelineId = sales.get("id").asText();
            String firstStage = sales.get("stages").get(0).get("id").asText();
            secondStage = sales.get("stages").get(1).get("id").asText();

            Reply opened = api.post("/api/v1/deals", """
                    {"title": "قرارداد پشتیبانی سالانه", "pipelineId": "%s", "stageId": "%s",
                     "value": {"amount": "1200.00", "currency": "IRR"}, "personName": "سارا احمدی"}"""
                    .formatted(pipelineId, firstStage));
            assertThat(opened.status()).isEqualTo(201);
            dealA = opened.body().get("id").asText();
            assertThat(opened.location()).endsWith("/api/v1/deals/" + dealA);
            JsonNode card = card(api, dealA);
            assertThat(card.get("indicator").asText()).isEqualTo("NO_ACTIVITY");
            assertThat(card.get("title").asText()).isEqualTo("قرارداد پشتیبانی سالانه");
            assertThat(card.get("value").get("amount").asText()).isEqualTo("1200.00");

            LocalDate today = ZonedDateTime.now(TEHRAN).toLocalDate();
            String tomorrowCall = schedule(api, dealA, "call", today.plusDays(1), null);
            assertThat(card(api, dealA).get("indicator").asText()).isEqualTo("PLANNED");

            dealB = openDeal(api, pipelineId, firstStage, "خرید سرور");
            String todayMeeting = schedule(api, dealB, "meeting", today, null);
            assertThat(card(api, dealB).get("indicator").asText()).isEqualTo("TODAY");

            String dealC = openDeal(api, pipelineId, firstStage, "Annual licence");
            String yesterdayTask = schedule(api, dealC, "task", today.minusDays(1), null);
            assertThat(card(api, dealC).get("indicator").asText()).isEqualTo("OVERDUE");

            String dealD = openDeal(api, pipelineId, firstStage, "Consulting");
            LocalTime now = ZonedDateTime.now(TEHRAN).toLocalTime();
            LocalTime earlierToday = now.isAfter(LocalTime.of(1, 0)) ? now.minusHours(1).withSecond(0).withNano(0)
                    : LocalTime.MIDNIGHT;
            schedule(api, dealD, "call", today, earlierToday);
            assertThat(card(api, dealD).get("indicator").asText()).isEqualTo("OVERDUE");

            Reply completed = api.post("/api/v1/activities/" + todayMeeting + "/complete",
                    "{\"result\": \"قرار جلسه هفته بعد\"}");
            assertThat(completed.status()).isEqualTo(200);
            JsonNode cardB = card(api, dealB);
            assertThat(cardB.get("indicator").asText()).isEqualTo("NO_ACTIVITY");
            assertThat(cardB.get("doneActivityCount").asInt()).isEqualTo(1);
            assertThat(historyTypes(api, dealB)).contains("ACTIVITY_COMPLETED");
            assertThat(history(api, dealB, "ACTIVITY_COMPLETED").get("result").asText())
                    .isEqualTo("قرار جلسه هفته بعد");

            Reply postponed = api.post("/api/v1/activities/" + yesterdayTask + "/postpone",
                    "{\"dueDate\": \"%s\"}".formatted(today.plusDays(1)));
            assertThat(postponed.status()).isEqualTo(200);
            assertThat(card(api, dealC).get("indicator").asText()).isEqualTo("PLANNED");
            assertThat(historyTypes(api, dealC)).contains("ACTIVITY_POSTPONED");

            Reply withNext = api.post("/api/v1/activities/" + tomorrowCall + "/complete", """
                    {"result": "پیش‌فاکتور خواستند", "next": {"type": "email", "subject": "ارسال پیش‌فاکتور",
                     "dueDate": "%s", "dueTime": "10:30"}}""".formatted(today.plusDays(2)));
            assertThat(withNext.status()).isEqualTo(200);
            JsonNode cardA = card(api, dealA);
            assertThat(cardA.get("indicator").asText()).isEqualTo("PLANNED");
            assertThat(cardA.get("nextActivity").get("subject").asText()).isEqualTo("ارسال پیش‌فاکتور");
            assertThat(cardA.get("nextActivity").get("dueTime").asText()).isEqualTo("10:30");

            assertThat(api.post("/api/v1/deals/" + dealA + "/move", "{\"stageId\": \"%s\"}".formatted(secondStage))
                    .status()).isEqualTo(200);
            assertThat(card(api, dealA).get("stageId").asText()).isEqualTo(secondStage);
            assertThat(dealIdsOnBoard(api, pipelineId, secondStage)).containsExactly(dealA);

            assertThat(api.post("/api/v1/deals/" + dealA + "/won", "{}").status()).isEqualTo(200);
            JsonNode won = card(api, dealA);
            assertThat(won.get("status").asText()).isEqualTo("WON");
            assertThat(won.get("indicator").isNull()).isTrue();
            assertThat(dealIdsOnBoard(api, pipelineId, secondStage)).doesNotContain(dealA);

            assertThat(api.post("/api/v1/deals/" + dealB + "/lost", "{\"reason\": \"بودجه ندارند\"}").status())
                    .isEqualTo(200);
            assertThat(card(api, dealB).get("status").asText()).isEqualTo("LOST");
            assertThat(dealIdsOnBoard(api, pipelineId, firstStage)).doesNotContain(dealB);
            assertThat(history(api, dealB, "DEAL_LOST").get("reason").asText()).isEqualTo("بودجه ندارند");
            assertThat(api.post("/api/v1/deals/" + dealB + "/reopen", "{}").status()).isEqualTo(200);
            assertThat(card(api, dealB).get("status").asText()).isEqualTo("OPEN");
            assertThat(dealIdsOnBoard(api, pipelineId, firstStage)).contains(dealB);

            rejectsBadInputAndChangesNothing(api, pipelineId, firstStage, dealA, dealB);
            publishesCloudEventsOnTheDealTopic(stack, dealA);
        }

        try (LocalStack restarted = LocalStack.start(settings)) {
            GatewayClient api = new GatewayClient(restarted.gatewayPort(), TOKEN);
            JsonNode wonAfterRestart = card(api, dealA);
            assertThat(wonAfterRestart.get("status").asText()).isEqualTo("WON");
            assertThat(wonAfterRestart.get("stageId").asText()).isEqualTo(secondStage);
            assertThat(history(api, dealB, "ACTIVITY_COMPLETED").get("result").asText())
                    .isEqualTo("قرار جلسه هفته بعد");
            String afterRestart = schedule(api, dealB, "call", LocalDate.now(TEHRAN).plusDays(3), null);
            assertThat(afterRestart).isNotBlank();
            assertThat(card(api, dealB).get("indicator").asText()).isEqualTo("PLANNED");
            assertThat(api.get("/api/v1/pipelines").body().size()).isEqualTo(1);
        }
    }

    private static void rejectsBadInputAndChangesNothing(GatewayClient api, String pipelineId, String stageId,
                                                         String wonDeal, String openDeal) {
        assertThat(api.getWithoutToken("/api/v1/deals/" + openDeal).status()).isEqualTo(401);

        int cardsBefore = dealIdsOnBoard(api, pipelineId, stageId).size();
        Reply noTitle = api.post("/api/v1/deals", "{\"title\": \"  \", \"pipelineId\": \"%s\", \"stageId\": \"%s\"}"
                .formatted(pipelineId, stageId));
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.contentType()).startsWith("application/problem+json");
        assertThat(noTitle.body().get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertThat(dealIdsOnBoard(api, pipelineId, stageId)).hasSize(cardsBefore);

        Reply badDate = api.post("/api/v1/activities", """
                {"dealId": "%s", "type": "call", "subject": "x", "dueDate": "2026-13-45"}""".formatted(openDeal));
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.body().get("errors").get(0).get("field").asText()).isEqualTo("dueDate");

        Reply secondsInTime = api.post("/api/v1/activities", """
                {"dealId": "%s", "type": "call", "subject": "x", "dueDate": "2026-12-01", "dueTime": "10:30:15"}"""
                .formatted(openDeal));
        assertThat(secondsInTime.status()).isEqualTo(422);
        assertThat(secondsInTime.body().get("errors").get(0).get("field").asText()).isEqualTo("dueTime");

        Reply unknownDeal = api.post("/api/v1/activities", """
                {"dealId": "no-such-deal", "type": "call", "subject": "x", "dueDate": "2026-12-01"}""");
        assertThat(unknownDeal.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/deals/no-such-deal").status()).isEqualTo(404);

        JsonNode before = card(api, wonDeal);
        Reply moveWon = api.post("/api/v1/deals/" + wonDeal + "/move", "{\"stageId\": \"%s\"}".formatted(stageId));
        assertThat(moveWon.status()).isEqualTo(409);
        assertThat(moveWon.body().get("detail").asText()).contains("won");
        assertThat(card(api, wonDeal)).isEqualTo(before);
    }

    private static void publishesCloudEventsOnTheDealTopic(LocalStack stack, String dealId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "end-to-end-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEALS));
            List<ConsumerRecord<String, String>> ofDeal = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (dealId.equals(record.key())) {
                        ofDeal.add(record);
                    }
                });
                return ofDeal.size() >= 3;
            });
            ConsumerRecord<String, String> first = ofDeal.get(0);
            assertThat(header(first, EventHeaders.TYPE)).isEqualTo("kariz.deal.opened.v1");
            assertThat(header(first, EventHeaders.SUBJECT)).isEqualTo(dealId);
            assertThat(header(first, EventHeaders.SEQUENCE)).isEqualTo("0");
            assertThat(header(first, EventHeaders.SOURCE)).isEqualTo("/kariz/deal-service");
            assertThat(first.value()).contains("\"organizationId\"").contains("\"openedBy\"");
            assertThat(ofDeal.stream().map(record -> header(record, EventHeaders.TYPE)))
                    .containsSequence("kariz.deal.opened.v1", "kariz.deal.moved.v1", "kariz.deal.won.v1");
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String openDeal(GatewayClient api, String pipelineId, String stageId, String title) {
        Reply reply = api.post("/api/v1/deals", "{\"title\": \"%s\", \"pipelineId\": \"%s\", \"stageId\": \"%s\"}"
                .formatted(title, pipelineId, stageId));
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    private static String schedule(GatewayClient api, String dealId, String type, LocalDate dueDate,
                                   LocalTime dueTime) {
        String time = dueTime == null ? "" : ", \"dueTime\": \"%s\"".formatted(dueTime);
        Reply reply = api.post("/api/v1/activities", """
                {"dealId": "%s", "type": "%s", "subject": "پیگیری %s", "dueDate": "%s", "timeZone": "Asia/Tehran"%s}"""
                .formatted(dealId, type, type, dueDate, time));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().get("dueTime").isNull()).isEqualTo(dueTime == null);
        if (dueTime != null) {
            assertThat(reply.body().get("dueTime").asText()).isEqualTo(dueTime.toString().substring(0, 5));
        }
        return reply.body().get("id").asText();
    }

    private static JsonNode card(GatewayClient api, String dealId) {
        Reply reply = api.get("/api/v1/deals/" + dealId);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private static List<String> historyTypes(GatewayClient api, String dealId) {
        JsonNode history = api.get("/api/v1/deals/" + dealId + "/timeline").body().get("history");
        return StreamSupport.stream(history.spliterator(), false).map(entry -> entry.get("type").asText()).toList();
    }

    private static JsonNode history(GatewayClient api, String dealId, String type) {
        JsonNode history = api.get("/api/v1/deals/" + dealId + "/timeline").body().get("history");
        return StreamSupport.stream(history.spliterator(), false)
                .filter(entry -> entry.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    private static List<String> dealIdsOnBoard(GatewayClient api, String pipelineId, String stageId) {
        JsonNode board = api.get("/api/v1/pipelines/" + pipelineId + "/board").body();
        return StreamSupport.stream(board.get("stages").spliterator(), false)
                .filter(stage -> stage.get("id").asText().equals(stageId))
                .flatMap(stage -> StreamSupport.stream(stage.get("deals").spliterator(), false))
                .map(deal -> deal.get("id").asText()).toList();
    }
}
