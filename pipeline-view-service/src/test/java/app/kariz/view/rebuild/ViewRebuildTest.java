package app.kariz.view.rebuild;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.events.EventCatalog;
import app.kariz.events.EventType;
import app.kariz.events.activity.Due;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.EventStreamConsumer;
import app.kariz.support.json.EventJson;
import app.kariz.support.publish.EventRecords;
import app.kariz.testing.kafka.InProcessKafka;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.SettableClock;
import app.kariz.view.store.ViewCollections;
import app.kariz.view.store.ViewGenerations;
import app.kariz.view.stream.BoardChangeLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rebuilding the view from the topics, with the whole service running against a real Kafka broker and the MongoDB
 * wire server, both in this JVM: the live consumer builds the view incrementally from what the test publishes,
 * then a rebuild replays the topics into a new generation and switches to it.
 *
 * <p>The tests of this class share the broker, so the topics grow from test to test; each rebuild replays
 * everything published so far, and each test waits for the live consumer to have applied it all before it starts.
 */
@ExtendWith(ViewRebuildTest.StopInfrastructureLast.class)
@SpringBootTest(properties = {
        "spring.config.name=pipeline-view-service",
        "kariz.view.rebuild.progress-every=100ms",
        "kariz.view.rebuild.drain-after-switch=300ms",
        "kariz.view.rebuild.drop-old-after=2s",
        "kariz.view.heal.first-retry=1h",
        "logging.level.app.kariz.view.rebuild=INFO"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ViewRebuildTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final InProcessKafka KAFKA = InProcessKafka.start();
    private static final ObjectMapper JSON = EventJson.newMapper();
    /** Records published by the whole class so far: what a rebuild hands to the projection. */
    private static final AtomicLong PUBLISHED = new AtomicLong();
    private static Producer<String, byte[]> producer;

    @Autowired
    private MockMvc http;
    @Autowired
    private ViewGenerations generations;
    @Autowired
    private LiveApplyGate gate;
    @Autowired
    private BoardChangeLog boardChanges;
    @Autowired
    private EventStreamConsumer liveConsumer;
    @Autowired
    private MeterRegistry meters;
    private final ExecutorService background = Executors.newCachedThreadPool();

    @TestConfiguration
    static class FixedTime {
        /** Indicators depend on the clock: responses read before and after a rebuild must be comparable. */
        @Bean
        @Primary
        Clock fixedClock() {
            return new SettableClock(NOW);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("kariz.mongo.uri", MONGO::connectionString);
        registry.add("kariz.mongo.database", () -> "view_rebuild_test");
        registry.add("kariz.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    /**
     * Stops the broker and MongoDB after the application context is closed (declared before
     * {@code @SpringBootTest}, so it runs after Spring's own after-class callback): Kafka clients closing
     * against a broker that is gone would hold up the JVM's exit.
     */
    static final class StopInfrastructureLast implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext extension) {
            producer.close();
            KAFKA.close();
            MONGO.close();
        }
    }

    @Test
    void theRebuiltGenerationEqualsTheIncrementallyBuiltOneDocumentByDocument() throws Exception {
        publish(SalesHistory.of("org-equal-a", 40));
        publish(SalesHistory.of("org-equal-b", 25));
        awaitLiveConsumerCaughtUp();
        long before = generations.read();
        Map<String, List<Document>> incremental = snapshot(before);
        assertThat(incremental.get("deal_cards")).hasSizeGreaterThan(60);
        assertThat(incremental.get("parked_events")).as("the open gap's successor waits").isNotEmpty();
        assertThat(incremental.get("stream_gaps")).isNotEmpty();

        String id = startRebuild();
        awaitStatus(id, "SWITCHED");

        assertThat(generations.read()).isEqualTo(before + 1);
        Map<String, List<Document>> rebuilt = snapshot(before + 1);
        for (String collection : ViewCollections.NAMES) {
            assertThat(rebuilt.get(collection)).as(collection).isEqualTo(incremental.get(collection));
        }
    }

    @Test
    void queriesAreAnsweredFromTheOldGenerationThroughoutAndAlikeFromTheNewOne() throws Exception {
        publish(SalesHistory.of("org-reads", 30));
        awaitLiveConsumerCaughtUp();
        long before = generations.read();
        Map<String, String> answersBefore = readAll("org-reads");
        assertThat(answersBefore.get("/api/v1/deals?limit=100")).contains("org-reads-deal-29");

        // Holding the gate keeps the rebuild from switching once it has replayed the topics: it is running, for sure.
        try (HeldGate held = holdGate()) {
            long applied = rebuildEventsApplied();
            String id = startRebuild();
            await().atMost(DEADLINE).until(() -> rebuildEventsApplied() - applied >= PUBLISHED.get());

            http.perform(admin(get("/api/v1/admin/view-rebuilds/" + id)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("RUNNING"))
                    .andExpect(jsonPath("$.generation").value(before + 1));
            assertThat(generations.read()).isEqualTo(before);
            assertThat(readAll("org-reads")).isEqualTo(answersBefore);
            held.release();
            awaitStatus(id, "SWITCHED");
        }
        assertThat(generations.read()).isEqualTo(before + 1);
        assertThat(readAll("org-reads")).isEqualTo(answersBefore);
    }

    @Test
    void eventsArrivingDuringTheRebuildAreInTheNewGenerationAfterTheSwitch() throws Exception {
        // Enough history that the replay is still busy when the late events have been applied live.
        publish(SalesHistory.of("org-late", 150));
        awaitLiveConsumerCaughtUp();
        long before = generations.read();
        long applied = rebuildEventsApplied();

        String id = startRebuild();
        await().atMost(DEADLINE).until(() -> rebuildEventsApplied() > applied);
        DealStory late = new DealStory("org-late", "org-late-newcomer");
        publish(List.of(late.opened("Arrived during the rebuild", "org-late-sales", "lead", NOW),
                late.scheduled("org-late-newcomer-call", "call", "First call",
                        new Due(LocalDate.parse("2026-11-28"), null, "Asia/Tehran"), NOW)));

        // The live consumer applied them to the old generation, i.e. before the switch (after it, it writes the
        // new one); it does not apply them again, so the new generation has them only if the rebuild caught up.
        MongoCollection<Document> oldCards = generations.collections(before).dealCards();
        await().atMost(DEADLINE).until(() ->
                Integer.valueOf(1).equals(openActivities(oldCards, "org-late-newcomer")));
        awaitStatus(id, "SWITCHED");

        assertThat(generations.read()).isEqualTo(before + 1);
        Document card = generations.collections(before + 1).dealCards()
                .find(Filters.eq("_id", "org-late-newcomer")).first();
        assertThat(card).isNotNull();
        assertThat(card.getString("title")).isEqualTo("Arrived during the rebuild");
        assertThat(card.getInteger("openActivityCount")).isEqualTo(1);
        http.perform(as("org-late", get("/api/v1/deals/org-late-newcomer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicator").value("PLANNED"));
    }

    @Test
    void onlyOneRebuildRunsAtATime() throws Exception {
        awaitLiveConsumerCaughtUp();
        try (HeldGate held = holdGate()) {
            String id = startRebuild();
            http.perform(admin(post("/api/v1/admin/view-rebuilds")))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(409))
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:rebuild-running"));
            held.release();
            awaitStatus(id, "SWITCHED");
        }
        // Once it has switched, the next one may start.
        awaitStatus(startRebuild(), "SWITCHED");
    }

    @Test
    void theSwitchStartsANewEpochOfTheBoardChangeLogSoEveryStreamReloads() throws Exception {
        publish(SalesHistory.of("org-epoch", 5));
        awaitLiveConsumerCaughtUp();
        BoardChangeLog.Head before = boardChanges.head();
        assertThat(before.seq()).isPositive();

        awaitStatus(startRebuild(), "SWITCHED");

        BoardChangeLog.Head after = boardChanges.head();
        assertThat(after.epoch()).isNotEqualTo(before.epoch());
        assertThat(after.capacity()).isEqualTo(before.capacity());
    }

    @Test
    void theOldGenerationIsDroppedAfterTheSwitch() throws Exception {
        publish(SalesHistory.of("org-drop", 3));
        awaitLiveConsumerCaughtUp();
        long before = generations.read();

        awaitStatus(startRebuild(), "SWITCHED");

        await().atMost(DEADLINE).until(() -> generations.existing().equals(List.of(before + 1)));
    }

    @Test
    void onlyThePlatformAdministratorMayRebuild() throws Exception {
        http.perform(post("/api/v1/admin/view-rebuilds"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(as("org-1", post("/api/v1/admin/view-rebuilds")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        http.perform(as("org-1", get("/api/v1/admin/view-rebuilds/x"))).andExpect(status().isForbidden());
    }

    @Test
    void anUnknownRebuildIsNotFound() throws Exception {
        http.perform(admin(get("/api/v1/admin/view-rebuilds/no-such-rebuild")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aFinishedRebuildSaysWhenAndHowMuch() throws Exception {
        publish(SalesHistory.of("org-status", 3));
        awaitLiveConsumerCaughtUp();
        long before = generations.read();
        String id = startRebuild();
        awaitStatus(id, "SWITCHED");

        http.perform(admin(get("/api/v1/admin/view-rebuilds/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.startedAt").value(NOW.toString()))
                .andExpect(jsonPath("$.finishedAt").value(NOW.toString()))
                .andExpect(jsonPath("$.generation").value(before + 1))
                .andExpect(jsonPath("$.eventsApplied").value(PUBLISHED.get()))
                .andExpect(jsonPath("$.error").doesNotExist());
        assertThat(meters.find("kariz.view.rebuild.duration").tag("outcome", "switched").timer()).isNotNull();
    }

    private String startRebuild() throws Exception {
        MvcResult result = http.perform(admin(post("/api/v1/admin/view-rebuilds")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.startedAt").value(NOW.toString()))
                .andReturn();
        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/admin/view-rebuilds/" + id);
        return id;
    }

    private void awaitStatus(String id, String expected) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> {
            String body = http.perform(admin(get("/api/v1/admin/view-rebuilds/" + id))).andReturn().getResponse()
                    .getContentAsString();
            String status = JsonPath.read(body, "$.status");
            assertThat(status).as(body).isIn("RUNNING", expected);
            return expected.equals(status);
        });
    }

    private static Integer openActivities(MongoCollection<Document> cards, String dealId) {
        Document card = cards.find(Filters.eq("_id", dealId)).first();
        return card == null ? null : card.getInteger("openActivityCount");
    }

    private void awaitLiveConsumerCaughtUp() {
        assertThat(liveConsumer.awaitCaughtUp(DEADLINE)).as("the live consumer caught up").isTrue();
    }

    private long rebuildEventsApplied() {
        return (long) meters.get("kariz.view.rebuild.events.applied").counter().count();
    }

    /** Every collection of the generation, each sorted by id, without what legitimately differs between builds. */
    private Map<String, List<Document>> snapshot(long generation) {
        ViewCollections collections = generations.collections(generation);
        Map<String, List<Document>> snapshot = new LinkedHashMap<>();
        for (int i = 0; i < ViewCollections.NAMES.size(); i++) {
            String name = ViewCollections.NAMES.get(i);
            List<Document> documents = collections.all().get(i).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>());
            documents.forEach(document -> IGNORED.getOrDefault(name, Set.of()).forEach(document::remove));
            snapshot.put(name, documents);
        }
        return snapshot;
    }

    /**
     * Fields that say when this build did something, not what the events say: when an event was set aside
     * ({@code parkedAt}), and when a gap was seen and asked about ({@code detectedAt}, {@code nextRequestAt},
     * {@code requests}, {@code lastRequestedAt}: the live consumer asked the owning service, the rebuild leaves
     * asking to gap healing). What a gap waits for ({@code fromSequence}) and everything else must be equal.
     */
    private static final Map<String, Set<String>> IGNORED = Map.of(
            "parked_events", Set.of("parkedAt"),
            "stream_gaps", Set.of("detectedAt", "nextRequestAt", "requests", "lastRequestedAt"));

    /** The answers of the organisation's queries, by path. */
    private Map<String, String> readAll(String org) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/v1/deals?limit=100",
                "/api/v1/deals?indicator=NO_ACTIVITY,OVERDUE&limit=100",
                "/api/v1/pipelines/" + org + "-sales/board?limit=100",
                "/api/v1/pipelines/" + org + "-renewals/board?limit=100",
                "/api/v1/deals/" + org + "-deal-3",
                "/api/v1/deals/" + org + "-deal-3/timeline",
                "/api/v1/deals/" + org + "-healed/timeline",
                "/api/v1/activities/" + org + "-deal-0-meeting",
                "/api/v1/agenda?assigneeId=assignee-1&date=2026-11-27")) {
            MvcResult result = http.perform(as(org, get(path))).andExpect(status().isOk()).andReturn();
            answers.put(path, result.getResponse().getContentAsString());
        }
        return answers;
    }

    /** Publishes in order (one idempotent producer keeps each partition's order) and waits for every ack. */
    private static void publish(List<ConsumedEvent> events) throws Exception {
        List<Future<?>> acks = new ArrayList<>();
        for (ConsumedEvent event : events) {
            EventType<?> type = EventCatalog.byCeType(event.ceType()).orElseThrow();
            acks.add(producer.send(EventRecords.toRecord(new EventRecords.StoredEvent(event.eventId(), event.time(),
                    event.position(), event.correlationId(), null, event.payload()), type, "/kariz/test",
                    JSON.writeValueAsBytes(event.payload()))));
        }
        for (Future<?> ack : acks) {
            ack.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            PUBLISHED.incrementAndGet();
        }
    }

    private static MockHttpServletRequestBuilder as(String org, MockHttpServletRequestBuilder request) {
        return request.header(IdentityHeaders.ORGANIZATION, org).header(IdentityHeaders.USER, "user-1")
                .header(IdentityHeaders.ROLE, "ADMIN").header(IdentityHeaders.VISIBILITY, "EVERYONE");
    }

    private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return request.header(IdentityHeaders.USER, "platform-admin").header(IdentityHeaders.ROLE, "PLATFORM_ADMIN");
    }

    /** Closes the live-apply gate from a thread of the test's, as a rebuild's switch would, until released. */
    private HeldGate holdGate() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = background.submit(() -> gate.closedWhile(() -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(held.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new HeldGate(release, holder);
    }

    private record HeldGate(CountDownLatch releasing, Future<?> holder) implements AutoCloseable {
        void release() {
            releasing.countDown();
        }

        @Override
        public void close() throws Exception {
            release();
            holder.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
