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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sales manager builds a Persian-named pipeline and reshapes it; a salesperson edits, moves, loses, reopens
 * and deletes deals on it — all through the gateway of the local stack, reading their own writes at once.
 */
class PipelineAndDealManagementEndToEndTest {

    private static final String TOKEN = "management-token";

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
    void aManagerBuildsAndReshapesAPersianPipeline() {
        Reply created = api.post("/api/v1/pipelines", """
                {"name": "فروش سازمانی", "stages": [{"name": "سرنخ"}, {"name": "جلسه", "rottenAfterDays": 7},
                 {"name": "پیشنهاد"}]}""");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String pipelineId = created.body().get("id").asText();
        assertThat(created.location()).endsWith("/api/v1/pipelines/" + pipelineId);
        List<String> stages = stageIds(created.body());
        assertThat(stageNames(api.get("/api/v1/pipelines/" + pipelineId).body()))
                .containsExactly("سرنخ", "جلسه", "پیشنهاد");
        assertThat(created.body().get("stages").get(1).get("rottenAfterDays").asInt()).isEqualTo(7);

        assertThat(api.post("/api/v1/pipelines/" + pipelineId + "/stages", "{\"name\": \"جلسه\"}").status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/pipelines/" + pipelineId + "/stages", "{\"name\": \"\"}").status())
                .isEqualTo(422);

        Reply added = api.post("/api/v1/pipelines/" + pipelineId + "/stages",
                "{\"name\": \"مذاکره\", \"position\": 1}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(boardStageNames(pipelineId)).containsExactly("سرنخ", "مذاکره", "جلسه", "پیشنهاد");

        List<String> current = stageIds(api.get("/api/v1/pipelines/" + pipelineId).body());
        Reply notAPermutation = api.put("/api/v1/pipelines/" + pipelineId + "/stage-order",
                "{\"stageIds\": [\"%s\", \"%s\"]}".formatted(current.get(0), current.get(1)));
        assertThat(notAPermutation.status()).isEqualTo(422);
        assertThat(api.put("/api/v1/pipelines/" + pipelineId + "/stage-order",
                "{\"stageIds\": [\"%s\", \"%s\", \"%s\", \"%s\"]}".formatted(current.get(3), current.get(2),
                        current.get(1), current.get(0))).status()).isBetween(200, 204);
        assertThat(boardStageNames(pipelineId)).containsExactly("پیشنهاد", "جلسه", "مذاکره", "سرنخ");

        assertThat(api.patch("/api/v1/pipelines/" + pipelineId + "/stages/" + stages.get(2),
                "{\"name\": \"ارسال پیشنهاد\"}", null).status()).isBetween(200, 204);
        assertThat(api.patch("/api/v1/pipelines/" + pipelineId, "{\"name\": \"فروش شرکتی\"}", null).status())
                .isBetween(200, 204);
        JsonNode board = api.get("/api/v1/pipelines/" + pipelineId + "/board").body();
        assertThat(board.get("name").asText()).isEqualTo("فروش شرکتی");
        assertThat(boardStageNames(pipelineId)).containsExactly("ارسال پیشنهاد", "جلسه", "مذاکره", "سرنخ");

        String deal = openDeal(pipelineId, stages.get(0), "قرارداد نگهداری");
        assertThat(api.delete("/api/v1/pipelines/" + pipelineId + "/stages/" + stages.get(0)).status())
                .isEqualTo(409);
        assertThat(api.delete("/api/v1/pipelines/" + pipelineId + "/stages/" + stages.get(0) + "?moveDealsTo="
                + stages.get(1)).status()).isBetween(200, 204);
        assertThat(boardStageNames(pipelineId)).containsExactly("ارسال پیشنهاد", "جلسه", "مذاکره");
        assertThat(card(deal).get("stageId").asText()).isEqualTo(stages.get(1));
        assertThat(historyTypes(deal)).contains("STAGE_CHANGED");

        assertThat(api.delete("/api/v1/pipelines/" + pipelineId).status()).isEqualTo(409);
    }

    @Test
    void aSalespersonEditsMovesLosesReopensAndDeletesDeals() {
        JsonNode sales = api.get("/api/v1/pipelines").body();
        JsonNode salesPipeline = StreamSupport.stream(sales.spliterator(), false)
                .filter(p -> p.get("name").asText().equals("Sales")).findFirst().orElseThrow();
        Reply other = api.post("/api/v1/pipelines", """
                {"name": "تمدید قرارداد", "stages": [{"name": "یادآوری"}, {"name": "تمدید"}]}""");
        String otherPipeline = other.body().get("id").asText();
        String otherStage = stageIds(other.body()).get(1);
        String deal = openDeal(salesPipeline.get("id").asText(),
                salesPipeline.get("stages").get(0).get("id").asText(), "خرید لایسنس");

        JsonNode before = card(deal);
        long version = before.get("version").asLong();
        Reply edited = api.patch("/api/v1/deals/" + deal, """
                {"title": "خرید لایسنس سازمانی", "value": {"amount": "2500.00", "currency": "IRR"}}""",
                "\"" + version + "\"");
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        JsonNode afterEdit = card(deal);
        assertThat(afterEdit.get("title").asText()).isEqualTo("خرید لایسنس سازمانی");
        assertThat(afterEdit.get("version").asLong()).isGreaterThan(version);
        JsonNode update = history(deal, "DEAL_UPDATED");
        assertThat(update.get("changes").toString()).contains("\"from\":\"خرید لایسنس\"")
                .contains("\"to\":\"خرید لایسنس سازمانی\"");

        Reply stale = api.patch("/api/v1/deals/" + deal, "{\"title\": \"نباید ثبت شود\"}",
                "\"" + version + "\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(card(deal).get("title").asText()).isEqualTo("خرید لایسنس سازمانی");

        assertThat(api.post("/api/v1/deals/" + deal + "/move", "{\"stageId\": \"%s\"}".formatted(otherStage))
                .status()).isEqualTo(200);
        JsonNode moved = card(deal);
        assertThat(moved.get("pipelineId").asText()).isEqualTo(otherPipeline);
        assertThat(history(deal, "STAGE_CHANGED").get("toStageId").asText()).isEqualTo(otherStage);
        assertThat(dealIdsOnBoard(otherPipeline)).contains(deal);
        assertThat(dealIdsOnBoard(salesPipeline.get("id").asText())).doesNotContain(deal);

        assertThat(api.post("/api/v1/deals/" + deal + "/lost", "{\"reason\": \"\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/deals/" + deal + "/lost", "{\"reason\": \"رقیب ارزان‌تر بود\"}").status())
                .isEqualTo(200);
        assertThat(card(deal).get("lostReason").asText()).isEqualTo("رقیب ارزان‌تر بود");
        assertThat(api.post("/api/v1/deals/" + deal + "/reopen", "{}").status()).isEqualTo(200);

        String call = schedule(deal);
        assertThat(api.delete("/api/v1/deals/" + deal).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/deals/" + deal).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/deals/" + deal + "/timeline").status()).isEqualTo(404);
        assertThat(dealIdsOnBoard(otherPipeline)).doesNotContain(deal);
        assertThat(api.post("/api/v1/deals/" + deal + "/won", "{}").status()).isEqualTo(404);
        // The activity service reacts to the deletion event by cancelling the deal's open activities.
        awaitEvent(Topics.ACTIVITIES, deal, "kariz.activity.cancelled.v1", "\"activityId\":\"" + call + "\"");
        Reply completeCancelled = api.post("/api/v1/activities/" + call + "/complete", "{\"result\": \"x\"}");
        assertThat(completeCancelled.status()).isEqualTo(409);
    }

    @Test
    void theRequestIdOfAWriteTravelsWithItsEvents() {
        JsonNode sales = api.get("/api/v1/pipelines").body().get(0);
        Reply opened = api.post("/api/v1/deals", "{\"title\": \"ردیابی\", \"pipelineId\": \"%s\", \"stageId\": \"%s\"}"
                .formatted(sales.get("id").asText(), sales.get("stages").get(0).get("id").asText()),
                "X-Request-Id", "req-e2e-42");
        assertThat(opened.status()).isEqualTo(201);
        String dealId = opened.body().get("id").asText();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "request-id-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEALS));
            await().atMost(Duration.ofSeconds(20)).until(() -> StreamSupport
                    .stream(consumer.poll(Duration.ofMillis(200)).spliterator(), false)
                    .anyMatch(record -> dealId.equals(record.key())
                            && record.headers().lastHeader(EventHeaders.REQUEST_ID) != null
                            && "req-e2e-42".equals(new String(record.headers().lastHeader(EventHeaders.REQUEST_ID)
                            .value(), StandardCharsets.UTF_8))));
        }
    }

    private static void awaitEvent(String topic, String key, String ceType, String payloadFragment) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "management-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(20)).until(() -> StreamSupport
                    .stream(consumer.poll(Duration.ofMillis(200)).spliterator(), false)
                    .anyMatch(record -> key.equals(record.key())
                            && ceType.equals(new String(record.headers().lastHeader(EventHeaders.TYPE).value(),
                            StandardCharsets.UTF_8))
                            && record.value().contains(payloadFragment)));
        }
    }

    private static String openDeal(String pipelineId, String stageId, String title) {
        Reply reply = api.post("/api/v1/deals", "{\"title\": \"%s\", \"pipelineId\": \"%s\", \"stageId\": \"%s\"}"
                .formatted(title, pipelineId, stageId));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    private static String schedule(String dealId) {
        Reply reply = api.post("/api/v1/activities", """
                {"dealId": "%s", "type": "call", "subject": "پیگیری", "dueDate": "%s"}"""
                .formatted(dealId, LocalDate.now(ZoneId.of("Asia/Tehran")).plusDays(1)));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    private static JsonNode card(String dealId) {
        Reply reply = api.get("/api/v1/deals/" + dealId);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.etag()).isEqualTo("\"" + reply.body().get("version").asLong() + "\"");
        return reply.body();
    }

    private static List<String> stageIds(JsonNode pipeline) {
        return StreamSupport.stream(pipeline.get("stages").spliterator(), false)
                .map(stage -> stage.get("id").asText()).toList();
    }

    private static List<String> stageNames(JsonNode pipeline) {
        return StreamSupport.stream(pipeline.get("stages").spliterator(), false)
                .map(stage -> stage.get("name").asText()).toList();
    }

    private static List<String> boardStageNames(String pipelineId) {
        Reply board = api.get("/api/v1/pipelines/" + pipelineId + "/board");
        assertThat(board.status()).isEqualTo(200);
        return stageNames(board.body());
    }

    private static List<String> dealIdsOnBoard(String pipelineId) {
        JsonNode board = api.get("/api/v1/pipelines/" + pipelineId + "/board").body();
        return StreamSupport.stream(board.get("stages").spliterator(), false)
                .flatMap(stage -> StreamSupport.stream(stage.get("deals").spliterator(), false))
                .map(deal -> deal.get("id").asText()).toList();
    }

    private static List<String> historyTypes(String dealId) {
        JsonNode history = api.get("/api/v1/deals/" + dealId + "/timeline").body().get("history");
        return StreamSupport.stream(history.spliterator(), false).map(entry -> entry.get("type").asText()).toList();
    }

    private static JsonNode history(String dealId, String type) {
        JsonNode history = api.get("/api/v1/deals/" + dealId + "/timeline").body().get("history");
        return StreamSupport.stream(history.spliterator(), false)
                .filter(entry -> entry.get("type").asText().equals(type)).findFirst().orElseThrow();
    }
}
