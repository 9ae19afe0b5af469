package app.kariz.view.bench;

import app.kariz.events.EventCatalog;
import app.kariz.events.KarizEvent;
import app.kariz.events.Position;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.Money;
import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.mongo.embedded.EmbeddedMongoServer;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.view.SettableClock;
import app.kariz.view.agenda.Agendas;
import app.kariz.view.board.Board;
import app.kariz.view.board.BoardFilter;
import app.kariz.view.board.Boards;
import app.kariz.view.card.BoardCursor;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.RottingRule;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.deallist.DealList;
import app.kariz.view.deallist.DealQuery;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.projection.PipelineViewProjection;
import app.kariz.view.store.ViewCollections;
import app.kariz.view.stream.BoardChangeLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Board, agenda and deal-list latency over 10,000 open deals with 30,000 activities. Not a unit test: its name
 * matches none of Surefire's test patterns, so the build leaves it out; run it on purpose with
 * <pre>./mvnw -q -B -o -pl pipeline-view-service test -Dtest=BoardLatencyBench</pre>
 * or its {@code main}. It measures against mongo-java-server in this JVM (which scans instead of using
 * indexes), or against the MongoDB named by {@code KARIZ_BENCH_MONGO_URI} (then the indexes count). Results are
 * printed and written to {@code target/bench/board-latency.txt}.
 *
 * <p>The read model is written by the projection: each batch of deals' events goes through
 * {@link PipelineViewProjection} into a scratch database, and the documents it wrote are copied into the measured
 * one. (Applying 40,000 events to one collection of the in-process server would take quadratic time, since every
 * card refresh scans all activities.) Each measurement is the query plus its JSON serialisation, without HTTP.
 */
@Tag("benchmark")
class BoardLatencyBench {

    private static final String ORG = "bench-org";
    private static final String PIPELINE = "sales";
    private static final List<String> STAGES = List.of("lead", "contacted", "demo", "proposal", "negotiation");
    private static final int DEALS = 10_000;
    private static final int ACTIVITIES = 30_000;
    private static final int OWNERS = 20;
    private static final int BATCH = 250;
    private static final int WARM_UP = 20;
    private static final int RUNS = 200;
    /** 11:30 on 27 November in Tehran. */
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final List<String> ZONES = List.of("Asia/Tehran", "Asia/Tehran", "Asia/Tehran", "Europe/Berlin",
            "America/New_York");

    public static void main(String[] args) throws Exception {
        new BoardLatencyBench().measure();
    }

    @Test
    void measure() throws Exception {
        String uri = System.getenv("KARIZ_BENCH_MONGO_URI");
        EmbeddedMongoServer server = uri == null ? EmbeddedMongoServer.inMemory() : null;
        String connection = uri != null ? uri : server.connectionString();
        try (MongoClient client = MongoClients.create(connection)) {
            MongoDatabase database = client.getDatabase("kariz_bench");
            database.drop();
            long seedStarted = System.nanoTime();
            int activities = seed(client, database);
            long seedMillis = Duration.ofNanos(System.nanoTime() - seedStarted).toMillis();
            String report = run(database, uri == null ? "mongo-java-server in process (no secondary indexes)"
                    : "MongoDB at KARIZ_BENCH_MONGO_URI", activities, seedMillis);
            System.out.println(report);
            Path file = Path.of("target", "bench", "board-latency.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private String run(MongoDatabase database, String store, int activities, long seedMillis) throws Exception {
        SettableClock clock = new SettableClock(NOW);
        ViewCollections collections = ViewCollections.in(database);
        IndicatorRule indicators = new IndicatorRule(clock);
        Pipelines pipelines = new Pipelines(collections.pipelines());
        DealCards cards = new DealCards(collections.dealCards(), indicators, new RottingRule(clock), pipelines);
        // As the service wires them: the counts kept in memory, following the change log (at rest here).
        Boards boards = new Boards(collections.dealCards(), cards, pipelines, BoardChangeLog.in(database), () -> 0);
        Agendas agendas = new Agendas(collections, indicators);
        DealList deals = new DealList(collections.dealCards(), cards, pipelines);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        Board board = boards.find(ORG, PIPELINE).orElseThrow();
        String secondPage = board.stages().get(0).nextCursor();
        Map<String, Callable<Object>> queries = new LinkedHashMap<>();
        queries.put("board, 5 stages, 50 cards each", () -> boards.find(ORG, PIPELINE).orElseThrow());
        queries.put("board, one owner, NO_ACTIVITY+OVERDUE", () -> boards.find(ORG, PIPELINE,
                new BoardFilter("owner-3", EnumSet.of(Indicator.NO_ACTIVITY, Indicator.OVERDUE)), 50).orElseThrow());
        queries.put("stage page 2 (cursor)", () -> boards.stageDeals(ORG, PIPELINE, STAGES.get(0),
                BoardFilter.NONE, BoardCursor.parse(secondPage), 50).orElseThrow());
        queries.put("agenda of one assignee", () -> agendas.find(ORG, "owner-7", null, ZoneId.of("Asia/Tehran")));
        queries.put("deal list, attention", () -> deals.find(ORG, new DealQuery(null, null, null,
                EnumSet.of(Indicator.NO_ACTIVITY, Indicator.OVERDUE), null), null, 50));
        queries.put("deal list, search q", () -> deals.find(ORG, new DealQuery(null, null, null, null, "قرارداد 12"),
                null, 50));

        StringBuilder report = new StringBuilder()
                .append("Board latency bench: ").append(DEALS).append(" open deals, ").append(activities)
                .append(" activities (").append(OWNERS).append(" owners, ").append(STAGES.size())
                .append(" stages), ").append(store).append('\n')
                .append("seeded through the projection in ").append(seedMillis).append(" ms; ")
                .append(WARM_UP).append(" warm-up + ").append(RUNS).append(" timed runs per query, query + JSON\n")
                .append(String.format("%-42s %10s %10s %10s %10s%n", "query", "median ms", "p99 ms", "max ms",
                        "JSON KB"));
        for (Map.Entry<String, Callable<Object>> query : queries.entrySet()) {
            int bytes = 0;
            for (int i = 0; i < WARM_UP; i++) {
                bytes = json.writeValueAsBytes(query.getValue().call()).length;
            }
            long[] nanos = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long started = System.nanoTime();
                json.writeValueAsBytes(query.getValue().call());
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            report.append(String.format("%-42s %10.1f %10.1f %10.1f %10d%n", query.getKey(), millis(nanos[RUNS / 2]),
                    millis(nanos[(int) Math.ceil(RUNS * 0.99) - 1]), millis(nanos[RUNS - 1]), bytes / 1024));
        }
        return report.toString();
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Seeds in batches through the projection; answers how many activities were scheduled. */
    private int seed(MongoClient client, MongoDatabase target) {
        ViewCollections collections = ViewCollections.in(target);
        collections.createIndexes();
        Random random = new Random(42);
        List<PipelineStage> stages = new ArrayList<>();
        for (int i = 0; i < STAGES.size(); i++) {
            stages.add(new PipelineStage(STAGES.get(i), "Stage " + i, i, null));
        }
        ConsumedEvent pipeline = event(new Position("pipeline", PIPELINE, 0), new PipelineCreated(ORG, PIPELINE,
                "Sales", stages, NOW.minus(Duration.ofDays(400)), "bench"));
        int[] activitiesOfDeal = activitiesPerDeal(random);
        int scheduled = 0;
        for (int first = 0; first < DEALS; first += BATCH) {
            MongoDatabase scratch = client.getDatabase("kariz_bench_scratch");
            scratch.drop();
            ViewCollections scratchCollections = ViewCollections.in(scratch);
            PipelineViewProjection projection = new PipelineViewProjection(scratchCollections,
                    new AppliedPositions(scratchCollections.positions(), Duration.ofMillis(50)));
            projection.handle(pipeline);
            for (int d = first; d < first + BATCH && d < DEALS; d++) {
                dealEvents(d, activitiesOfDeal[d], random).forEach(projection::handle);
                scheduled += activitiesOfDeal[d];
            }
            // Positions only guard the projection's ordering; the pipeline is copied once.
            for (String name : first == 0 ? List.of("pipelines", "deal_cards", "activities", "timeline")
                    : List.of("deal_cards", "activities", "timeline")) {
                List<Document> documents = scratch.getCollection(name).find().into(new ArrayList<>());
                if (!documents.isEmpty()) {
                    target.getCollection(name).insertMany(documents);
                }
            }
        }
        client.getDatabase("kariz_bench_scratch").drop();
        return scheduled;
    }

    /** Between 0 and 6 activities per deal, ACTIVITIES in all: three each, then moved between random deals. */
    private static int[] activitiesPerDeal(Random random) {
        int[] counts = new int[DEALS];
        Arrays.fill(counts, ACTIVITIES / DEALS);
        for (int move = 0; move < 2 * DEALS; move++) {
            int from = random.nextInt(DEALS);
            int to = random.nextInt(DEALS);
            if (counts[from] > 0 && counts[to] < 6) {
                counts[from]--;
                counts[to]++;
            }
        }
        return counts;
    }

    private static List<ConsumedEvent> dealEvents(int index, int activities, Random random) {
        String dealId = "deal-" + index;
        String owner = "owner-" + (index % OWNERS);
        Instant openedAt = NOW.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
        Money value = new Money(new BigDecimal(random.nextInt(5_000_000) + "." + String.format("%02d",
                random.nextInt(100))), random.nextInt(5) == 0 ? "USD" : "IRR");
        List<ConsumedEvent> events = new ArrayList<>();
        events.add(event(new Position("deal", dealId, 0), new DealOpened(ORG, dealId, PIPELINE,
                STAGES.get(random.nextInt(STAGES.size())), "قرارداد " + index, value, owner, "Person " + index,
                "Company " + (index % 300), null, openedAt, owner)));
        for (int a = 0; a < activities; a++) {
            String activityId = dealId + "-activity-" + a;
            Due due = new Due(LocalDate.parse("2026-11-27").plusDays(random.nextInt(21) - 10),
                    random.nextBoolean() ? null : LocalTime.of(8 + random.nextInt(10), 15 * random.nextInt(4)),
                    ZONES.get(random.nextInt(ZONES.size())));
            Instant scheduledAt = openedAt.plusSeconds(60L * (a + 1));
            events.add(event(new Position("activity", activityId, 0), new ActivityScheduled(ORG, activityId, dealId,
                    "call", "تماس " + a, due, 30, owner, null, null, scheduledAt, owner)));
            if (random.nextInt(5) == 0) {
                events.add(event(new Position("activity", activityId, 1), new ActivityCompleted(ORG, activityId,
                        dealId, "call", owner, due, "Done", scheduledAt.plusSeconds(30), owner)));
            }
        }
        return events;
    }

    private static ConsumedEvent event(Position position, KarizEvent payload) {
        return new ConsumedEvent(UUID.randomUUID().toString(),
                EventCatalog.byJavaType(payload.getClass()).orElseThrow().ceType(), position, NOW, "bench", payload);
    }
}
