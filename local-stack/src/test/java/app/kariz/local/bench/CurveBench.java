package app.kariz.local.bench;

import app.kariz.local.StackProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static app.kariz.local.bench.BenchStack.encode;
import static app.kariz.local.bench.BenchStack.loadAverage;
import static app.kariz.local.bench.BenchStack.millis;
import static app.kariz.local.bench.BenchStack.percentile;
import static org.awaitility.Awaitility.await;

/**
 * Draws the local stack's curve in one run: at each size (open deals, about three activities each) it measures
 * command throughput through the gateway at several client counts, projection lag and read-your-writes at half of
 * the best throughput, the board and list queries, the catch-up after a burst, and the stack's memory and data;
 * and in the same run the ceilings those figures are read against: the gateway on a trivial authenticated route,
 * the raw broker (acks=all) and the raw store (insert, find by {@code _id}). Every figure is printed beside its
 * ceiling as a ratio. Not a unit test (Surefire's patterns leave it out); run it with
 * {@code local-stack/scripts/curve-bench.sh}, which runs it once per storage mode.
 *
 * <p>Settings ({@code -Dkariz.curve.<name>}): {@code sizes} (1000,10000,100000), {@code mongoStorage} (file),
 * {@code clients} (4,16,64), {@code commandSeconds} (10), {@code lagSeconds} (15), {@code runs} (100 per query),
 * {@code burst} (2000 writes), {@code seedThreads} (16), {@code stackJvmArgs} (-Xms512m -Xmx2g).
 *
 * <p>How each figure is taken:
 * <ul>
 *   <li><b>commands</b>: {@code PATCH /deals/{id}} (a new title) on random existing deals, so the size stays put
 *   while the command path loads the aggregate, stores its event and waits for its own directory; 2xx per second
 *   over {@code commandSeconds}.</li>
 *   <li><b>lag</b>: writers paced at half of the best command rate; from each write's answer, a colleague's token
 *   (which carries no read-your-writes positions) polls the deal card every 20 ms until it shows one write in
 *   four (8 watchers at most: watching every write with 5 ms polls loaded the stack being measured). The board
 *   is served from the same card document, so the card showing it means the board does.</li>
 *   <li><b>read-your-writes</b>: each of those writers reads its deal card right after its write, with its own
 *   token, and counts whether the card shows it.</li>
 *   <li><b>queries</b>: {@code runs} sequential reads each, once the view has caught up with the lag phase; the
 *   board once more while another token renames a deal every 50 ms.</li>
 *   <li><b>catch-up</b>: {@code burst} writes from 64 clients as fast as they are answered; from the last answer
 *   until the last write of every client is on its card.</li>
 * </ul>
 */
@Tag("benchmark")
class CurveBench {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final String SEARCH = "قرارداد 12";
    /** How often a lag watcher polls the card: the figures' resolution, and the load the watchers add. */
    private static final Duration POLL = Duration.ofMillis(20);
    /** Every how many writes of the lag phase one is watched: watching all of them loaded the stack measured. */
    private static final int WATCH_EVERY = 4;

    private final List<Integer> sizes = integers(System.getProperty("kariz.curve.sizes", "1000,10000,100000"));
    private final List<Integer> clientCounts = integers(System.getProperty("kariz.curve.clients", "4,16,64"));
    private final String mongoStorage = System.getProperty("kariz.curve.mongoStorage", "file");
    private final Duration commandTime = Duration.ofSeconds(Integer.getInteger("kariz.curve.commandSeconds", 10));
    private final Duration lagTime = Duration.ofSeconds(Integer.getInteger("kariz.curve.lagSeconds", 15));
    private final int runs = Integer.getInteger("kariz.curve.runs", 100);
    private final int burst = Integer.getInteger("kariz.curve.burst", 2_000);
    private final int seedThreads = Integer.getInteger("kariz.curve.seedThreads", 16);
    private final String stackJvmArgs = System.getProperty("kariz.curve.stackJvmArgs", "-Xms512m -Xmx2g");
    private final Path workDir = Path.of(System.getProperty("kariz.curve.dir", "target/curve-bench"));
    private final Path jar = Path.of(System.getProperty("kariz.curve.jar", "target/kariz-local.jar"));

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool()).build();
    private final List<String> report = new ArrayList<>();
    private final List<String> dealIds = new CopyOnWriteArrayList<>();
    private final AtomicLong titles = new AtomicLong();
    private String baseUri;
    private String writer;
    private String colleague;
    private String pipelineId;
    private List<String> stageIds;

    @Test
    void drawTheCurve() throws Exception {
        writer = "curve-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        StackProcess stack = startStack();
        try {
            Matcher ready = BenchStack.awaitReady(stack);
            baseUri = "http://127.0.0.1:" + ready.group(2);
            report.add("Curve bench %s, %d cores, %s %s, java %s; in-process MongoDB storage: %s; stack: java %s -jar %s"
                    .formatted(java.time.Instant.now(), Runtime.getRuntime().availableProcessors(),
                            System.getProperty("os.name"), System.getProperty("os.arch"),
                            System.getProperty("java.version"), mongoStorage, stackJvmArgs, jar));
            report.add("time to ready: %s ms (from JVM start, as the launcher logs it); load %s"
                    .formatted(ready.group(1), loadAverage()));
            setUp();
            Ceilings ceilings = ceilings(ready.group(3), ready.group(4));
            report.add(ceilings.describe());
            save();
            for (int size : sizes) {
                step(size, ceilings, stack);
                save();
            }
        } finally {
            report.add(BenchStack.stop(stack));
            System.out.println(save());
        }
    }

    private void setUp() {
        JsonNode pipeline = call("GET", "/api/v1/pipelines", null, writer).body().get(0);
        pipelineId = pipeline.get("id").asText();
        stageIds = new ArrayList<>();
        pipeline.get("stages").forEach(stage -> stageIds.add(stage.get("id").asText()));
        Reply added = call("POST", "/api/v1/users", """
                {"name": "همکار", "email": "colleague@example.com", "role": "ADMIN"}""", writer);
        if (added.status() != 201) {
            throw new IllegalStateException("Could not add the colleague: " + added);
        }
        colleague = added.body().get("apiToken").asText();
    }

    // ---- ceilings --------------------------------------------------------------------------------------------

    private record Ceilings(double trivialPerSecond, double trivialP50, double trivialP99, double brokerPerSecond,
                            double insertPerSecond, double findPerSecond) {
        String describe() {
            return """
                    ceilings: trivial authenticated route GET /api/v1/me %.0f/s at 16 clients, sequential p50 %.1f ms \
                    p99 %.1f ms; raw broker acks=all %.0f records/s; raw store insert %.0f/s, find by _id %.0f/s \
                    (4 clients, journaled)""".formatted(trivialPerSecond, trivialP50, trivialP99, brokerPerSecond,
                    insertPerSecond, findPerSecond);
        }
    }

    private Ceilings ceilings(String kafka, String mongo) throws Exception {
        Rate trivial = hammer(16, commandTime, i -> call("GET", "/api/v1/me", null, writer));
        long[] sequential = latencies(runs * 2, () -> call("GET", "/api/v1/me", null, writer));
        return new Ceilings(trivial.perSecond(), millis(percentile(sequential, 0.5)),
                millis(percentile(sequential, 0.99)), broker(kafka), store(mongo, true), store(mongo, false));
    }

    /** Records per second one producer gets acknowledged with acks=all, 300-byte values. */
    private static double broker(String bootstrap) throws Exception {
        String topic = "kariz.bench.ceiling";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        int records = 100_000;
        byte[] value = new byte[300];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "warm", value)).get();
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "deal-" + (i % 1000), value));
            }
            producer.flush();
            return records / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** Inserts (journaled, the driver's default) or finds by {@code _id} per second, 4 clients. */
    private double store(String uri, boolean insert) throws Exception {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> documents = client.getDatabase("kariz_bench_ceiling").getCollection("documents");
            if (!insert) {
                long count = documents.countDocuments();
                return hammer(4, commandTime.dividedBy(2), i -> {
                    long id = ThreadLocalRandom.current().nextLong(count);
                    return documents.find(Filters.eq("_id", id)).first() != null ? Reply.OK : Reply.FAILED;
                }).perSecond();
            }
            AtomicLong ids = new AtomicLong();
            double perSecond = hammer(4, commandTime.dividedBy(2), i -> {
                documents.insertOne(new Document("_id", ids.getAndIncrement()).append("title", "قرارداد " + i)
                        .append("organizationId", "org").append("amount", "1200.00"));
                return Reply.OK;
            }).perSecond();
            return perSecond;
        }
    }

    // ---- one size ----------------------------------------------------------------------------------------------

    private void step(int size, Ceilings ceilings, StackProcess stack) throws Exception {
        report.add("");
        report.add("== %,d open deals ==".formatted(size));
        int before = dealIds.size();
        if (size > before) {
            grow(size);
        }
        // The ceiling again, here: measured once at start the stack is cold, and a ratio needs both from one moment.
        double trivial = hammer(16, commandTime, i -> call("GET", "/api/v1/me", null, writer)).perSecond();
        long[] trivialSequential = latencies(runs * 2, () -> call("GET", "/api/v1/me", null, writer));
        Ceilings now = new Ceilings(trivial, millis(percentile(trivialSequential, 0.5)),
                millis(percentile(trivialSequential, 0.99)), ceilings.brokerPerSecond(), ceilings.insertPerSecond(),
                ceilings.findPerSecond());
        report.add("trivial authenticated route now: %.0f/s at 16 clients, sequential p50 %.1f ms, p99 %.1f ms"
                .formatted(trivial, now.trivialP50(), now.trivialP99()));
        Rate best = null;
        for (int clients : clientCounts) {
            Rate rate = hammer(clients, commandTime, i -> call("PATCH", "/api/v1/deals/" + randomDeal(),
                    "{\"title\": \"t " + titles.incrementAndGet() + "\"}", writer));
            report.add("commands at %2d clients: %7.1f/s = %5.1f%% of the trivial route; p50 %6.1f ms, p99 %6.1f ms%s"
                    .formatted(clients, rate.perSecond(), 100 * rate.perSecond() / trivial,
                            rate.p50(), rate.p99(), rate.failures().isEmpty() ? "" : "; failed " + rate.failures()));
            if (best == null || rate.perSecond() > best.perSecond()) {
                best = rate;
            }
            save();
        }
        // The command phases outrun the view; the lag at half load is its own figure, measured from a view at rest.
        report.add("the view showed the last command %.1f s after the command phases ended"
                .formatted(millis(untilVisible(rename(randomDeal(), writer))) / 1000));
        lagAtHalfLoad(best.perSecond() / 2);
        report.add("the view showed the lag phase's last write %.1f s after it ended; queries from a view at rest"
                .formatted(millis(untilVisible(rename(randomDeal(), writer))) / 1000));
        save();
        queries(now);
        save();
        catchUpAfterBurst();
        report.add("stack: RSS %s, live heap after a full GC %s, data %s on disk (%s); load %s".formatted(
                rss(stack.pid()), liveHeap(stack.pid()), megabytes(sizeOf(workDir.resolve("data"))), mongoStorage,
                loadAverage()));
    }

    /** Opens deals up to {@code size} (about three activities each), then waits until the board shows them all. */
    private void grow(int size) throws Exception {
        int from = dealIds.size();
        long started = System.nanoTime();
        AtomicInteger activities = new AtomicInteger();
        Rate seeding = hammer(seedThreads, null, size - from, i -> {
            int index = from + i;
            Reply opened = call("POST", "/api/v1/deals", """
                    {"title": "%s", "pipelineId": "%s", "stageId": "%s", "value": {"amount": "%d.00", \
                    "currency": "IRR"}, "ownerId": "owner-%d", "personName": "سارا احمدی %d"}""".formatted(
                    index % 7 == 0 ? "قرارداد " + index : "Deal " + index, pipelineId,
                    stageIds.get(index % stageIds.size()), 1_000 + index % 90_000, index % 8, index), writer);
            if (opened.status() != 201) {
                return opened;
            }
            String dealId = opened.body().get("id").asText();
            int count = index % 10 == 0 ? 0 : index % 10 == 1 ? 6 : 3;
            for (int a = 0; a < count; a++) {
                int kind = (index * 3 + a) % 20;
                LocalDate today = LocalDate.now(TEHRAN);
                LocalDate due = kind < 4 ? today.minusDays(1 + a) : kind < 7 ? today : today.plusDays(1 + kind);
                Reply scheduled = call("POST", "/api/v1/activities", """
                        {"dealId": "%s", "type": "call", "subject": "پیگیری %d", "dueDate": "%s", \
                        "timeZone": "Asia/Tehran", "assigneeId": "owner-%d"}""".formatted(dealId, a, due, index % 8),
                        writer);
                if (scheduled.status() != 201) {
                    return scheduled;
                }
                activities.incrementAndGet();
            }
            dealIds.add(dealId);
            return opened;
        });
        long lastWrite = System.nanoTime();
        report.add("seeded %,d deals and %,d activities in %.0f s with %d clients (%.1f commands/s)%s"
                .formatted(dealIds.size() - from, activities.get(), (lastWrite - started) / 1e9, seedThreads,
                        (dealIds.size() - from + activities.get()) / ((lastWrite - started) / 1e9),
                        seeding.failures().isEmpty() ? "" : "; failed " + seeding.failures()));
        await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> onBoard() >= dealIds.size());
        report.add("the board showed all %,d deals %.1f s after the last seeding write"
                .formatted(dealIds.size(), (System.nanoTime() - lastWrite) / 1e9));
    }

    private int onBoard() {
        int count = 0;
        for (JsonNode stage : call("GET", "/api/v1/pipelines/" + pipelineId + "/board", null, colleague).body()
                .get("stages")) {
            for (JsonNode indicator : stage.get("counts")) {
                count += indicator.asInt();
            }
        }
        return count;
    }

    private void lagAtHalfLoad(double rate) throws Exception {
        int writers = 16;
        long intervalNanos = (long) (writers * 1e9 / Math.max(rate, 1));
        List<Long> lags = new CopyOnWriteArrayList<>();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger seenOwn = new AtomicInteger();
        AtomicInteger neverSeen = new AtomicInteger();
        ExecutorService watchers = Executors.newFixedThreadPool(8);
        long deadline = System.nanoTime() + lagTime.toNanos();
        OwnDeals shares = new OwnDeals(writers);
        Rate paced = hammer(writers, lagTime, i -> {
            long next = System.nanoTime() + intervalNanos;
            String dealId = shares.pick();
            String title = "lag " + titles.incrementAndGet();
            Reply reply = call("PATCH", "/api/v1/deals/" + dealId, "{\"title\": \"" + title + "\"}", writer);
            long answered = System.nanoTime();
            if (reply.status() / 100 == 2) {
                if (written.incrementAndGet() % WATCH_EVERY == 0) {
                    watchers.submit(() -> {
                        Long visible = awaitTitle(dealId, title, colleague, answered + 30_000_000_000L);
                        if (visible == null) {
                            neverSeen.incrementAndGet();
                        } else {
                            lags.add(visible - answered);
                        }
                    });
                }
                JsonNode own = call("GET", "/api/v1/deals/" + dealId, null, writer).body();
                if (title.equals(own.path("title").asText())) {
                    seenOwn.incrementAndGet();
                }
            }
            pauseUntil(Math.min(next, deadline));
            return reply;
        });
        watchers.shutdown();
        watchers.awaitTermination(1, TimeUnit.MINUTES);
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        report.add("at half of max (%.1f/s paced, %.1f/s answered): projection lag p50 %.0f ms, p99 %.0f ms, max %.0f ms "
                .formatted(rate, paced.perSecond(), millis(percentile(sorted, 0.5)), millis(percentile(sorted, 0.99)),
                        sorted.length == 0 ? 0 : millis(sorted[sorted.length - 1]))
                + "(target p99 100 ms: %.2fx; one write in %d watched, 20 ms polls); read-your-writes saw %d of %d own writes (%.1f%%)%s"
                .formatted(millis(percentile(sorted, 0.99)) / 100, WATCH_EVERY, seenOwn.get(), written.get(),
                        100.0 * seenOwn.get() / Math.max(1, written.get()),
                        neverSeen.get() == 0 ? "" : "; %d never visible within 30 s".formatted(neverSeen.get())));
    }

    private void queries(Ceilings ceilings) {
        String board = "/api/v1/pipelines/" + pipelineId + "/board";
        JsonNode served = call("GET", board, null, colleague).body();
        String cursor = served.get("stages").get(0).path("nextCursor").asText("");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("deal card", "/api/v1/deals/" + randomDeal());
        queries.put("board", board);
        queries.put("board ?indicator=OVERDUE,TODAY", board + "?indicator=OVERDUE,TODAY");
        queries.put("board ?ownerId=owner-3", board + "?ownerId=owner-3");
        queries.put("stage page 2", "/api/v1/pipelines/" + pipelineId + "/stages/" + stageIds.get(0)
                + "/deals?limit=50" + (cursor.isEmpty() ? "" : "&cursor=" + encode(cursor)));
        queries.put("agenda of owner-0", "/api/v1/agenda?assigneeId=owner-0");
        queries.put("attention list", "/api/v1/deals?indicator=NO_ACTIVITY,OVERDUE");
        queries.put("search", "/api/v1/deals?q=" + encode(SEARCH));
        for (Map.Entry<String, String> query : queries.entrySet()) {
            long[] nanos = latencies(runs, () -> call("GET", query.getValue(), null, colleague));
            double p50 = millis(percentile(nanos, 0.5));
            double p99 = millis(percentile(nanos, 0.99));
            report.add("  %-32s p50 %7.1f ms (%5.1fx the trivial route), p99 %7.1f ms (%5.1fx)".formatted(
                    query.getKey(), p50, p50 / ceilings.trivialP50(), p99, p99 / ceilings.trivialP99()));
        }
        boardWhileWriting(board, ceilings);
    }

    /**
     * The board again while someone else renames deals of the pipeline every 50 ms (the reader's token carries no
     * read-your-writes positions, so it never waits for them): each write changes the board, so nothing the view
     * keeps between two reads may simply be served again.
     */
    private void boardWhileWriting(String board, Ceilings ceilings) {
        AtomicInteger writes = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService renamer = Executors.newSingleThreadExecutor();
        Future<?> renames = renamer.submit(() -> {
            while (writing.get()) {
                long next = System.nanoTime() + 50_000_000L;
                if (call("PATCH", "/api/v1/deals/" + randomDeal(), "{\"title\": \"w " + titles.incrementAndGet()
                        + "\"}", writer).status() / 100 == 2) {
                    writes.incrementAndGet();
                }
                pauseUntil(next);
            }
        });
        long started = System.nanoTime();
        long[] nanos;
        try {
            nanos = latencies(runs, () -> call("GET", board, null, colleague));
        } finally {
            writing.set(false);
            renamer.shutdown();
        }
        try {
            renames.get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("The writer beside the board reads failed", e);
        }
        double p50 = millis(percentile(nanos, 0.5));
        double p99 = millis(percentile(nanos, 0.99));
        report.add("  %-32s p50 %7.1f ms (%5.1fx the trivial route), p99 %7.1f ms (%5.1fx); %.0f writes/s answered"
                .formatted("board, 20 writes/s beside it", p50, p50 / ceilings.trivialP50(), p99,
                        p99 / ceilings.trivialP99(), writes.get() / ((System.nanoTime() - started) / 1e9)));
    }

    private void catchUpAfterBurst() throws Exception {
        int clients = 64;
        Map<Long, String[]> lastOfClient = new ConcurrentHashMap<>();
        OwnDeals shares = new OwnDeals(clients);
        long started = System.nanoTime();
        Rate rate = hammer(clients, null, burst, i -> {
            String dealId = shares.pick();
            String title = "burst " + titles.incrementAndGet();
            Reply reply = call("PATCH", "/api/v1/deals/" + dealId, "{\"title\": \"" + title + "\"}", writer);
            if (reply.status() / 100 == 2) {
                lastOfClient.put(Thread.currentThread().getId(), new String[]{dealId, title});
            }
            return reply;
        });
        long lastAnswer = System.nanoTime();
        long visible = lastAnswer;
        for (String[] write : lastOfClient.values()) {
            Long at = awaitTitle(write[0], write[1], colleague, lastAnswer + 600_000_000_000L);
            visible = Math.max(visible, at == null ? Long.MAX_VALUE : at);
        }
        report.add("burst of %,d writes from %d clients in %.1f s (%.0f/s): caught up %.0f ms after the last answer"
                .formatted(rate.count(), clients, (lastAnswer - started) / 1e9, rate.perSecond(),
                        visible == Long.MAX_VALUE ? Double.NaN : millis(visible - lastAnswer)));
    }

    /** When the deal card first showed {@code title} to {@code token}, or null if not by the deadline. */
    private Long awaitTitle(String dealId, String title, String token, long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            JsonNode card = call("GET", "/api/v1/deals/" + dealId, null, token).body();
            if (title.equals(card.path("title").asText())) {
                return System.nanoTime();
            }
            pauseUntil(System.nanoTime() + POLL.toNanos());
        }
        return null;
    }

    private String[] rename(String dealId, String token) {
        String title = "t " + titles.incrementAndGet();
        Reply reply = call("PATCH", "/api/v1/deals/" + dealId, "{\"title\": \"" + title + "\"}", token);
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("Renaming " + dealId + " answered " + reply);
        }
        return new String[]{dealId, title};
    }

    /** Nanoseconds from now until the colleague sees {@code write} (deal id, title) on its card. */
    private long untilVisible(String[] write) {
        long from = System.nanoTime();
        Long at = awaitTitle(write[0], write[1], colleague, from + 600_000_000_000L);
        if (at == null) {
            throw new IllegalStateException("The view did not show " + write[1] + " on " + write[0] + " in 10 minutes");
        }
        return at - from;
    }

    /**
     * Gives each client thread deals of its own (every {@code clients}-th), so no other client's later write to the
     * same deal hides the title it waits to see.
     */
    private final class OwnDeals {

        private final int clients;
        private final Map<Long, Integer> indexOfThread = new ConcurrentHashMap<>();
        private final AtomicInteger threads = new AtomicInteger();

        OwnDeals(int clients) {
            this.clients = clients;
        }

        String pick() {
            int self = indexOfThread.computeIfAbsent(Thread.currentThread().getId(), t -> threads.getAndIncrement());
            int rounds = Math.max(1, dealIds.size() / clients);
            return dealIds.get((self + clients * ThreadLocalRandom.current().nextInt(rounds)) % dealIds.size());
        }
    }

    private String randomDeal() {
        return dealIds.get(ThreadLocalRandom.current().nextInt(dealIds.size()));
    }

    // ---- load ------------------------------------------------------------------------------------------------

    private record Rate(int count, double perSecond, double p50, double p99, Map<Integer, Integer> failures) {
    }

    private Rate hammer(int clients, Duration duration, IntFunction<Reply> work) throws Exception {
        return hammer(clients, duration, Integer.MAX_VALUE, work);
    }

    /** {@code clients} threads doing {@code work} until {@code duration} has passed or {@code total} are done. */
    private Rate hammer(int clients, Duration duration, int total, IntFunction<Reply> work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> failures = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : started + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total && System.nanoTime() < deadline;
                     i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    Reply reply = work.apply(i);
                    if (reply.status() / 100 == 2) {
                        latencies.add(System.nanoTime() - sent);
                    } else {
                        failures.merge(reply.status(), 1, Integer::sum);
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Rate(sorted.length, sorted.length / seconds, millis(percentile(sorted, 0.5)),
                millis(percentile(sorted, 0.99)), failures);
    }

    private long[] latencies(int count, java.util.function.Supplier<Reply> request) {
        for (int i = 0; i < Math.max(5, count / 10); i++) {
            request.get();
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            Reply reply = request.get();
            nanos[i] = System.nanoTime() - started;
            if (reply.status() != 200) {
                throw new IllegalStateException("Answered " + reply.status() + ": " + reply.body());
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private record Reply(int status, JsonNode body) {
        static final Reply OK = new Reply(200, null);
        static final Reply FAILED = new Reply(500, null);
    }

    private Reply call(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode tree = json.nullNode();
            if (bytes.length > 0) {
                try {
                    tree = json.readTree(bytes);
                } catch (IOException notJson) {
                    tree = json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
                }
            }
            return new Reply(response.statusCode(), tree);
        } catch (IOException e) {
            return new Reply(599, json.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the stack -------------------------------------------------------------------------------------------

    private StackProcess startStack() throws IOException {
        // One token does every write here, many users' work: remembering 100 positions keeps its Kariz-Await small.
        return BenchStack.start(jar, stackJvmArgs, workDir, writer, mongoStorage,
                Map.of("KARIZ_GATEWAY_POSITIONS_PER_TOKEN", "100"));
    }

    private String save() throws IOException {
        String text = String.join("\n", report) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "curve-bench-" + mongoStorage + ".txt"), text);
        return text;
    }

    // ---- small things ----------------------------------------------------------------------------------------

    private static List<Integer> integers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static void pauseUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS")).map(line -> line.substring(6).trim()).findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * What the stack's heap holds once collected ({@code jcmd GC.run}, then {@code GC.heap_info}): RSS follows the
     * maximum heap the JVM is given, this is what a smaller maximum would have to hold.
     */
    private static String liveHeap(long pid) {
        try {
            jcmd(pid, "GC.run");
            Matcher used = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K")
                    .matcher(jcmd(pid, "GC.heap_info"));
            return used.find() ? megabytes(Long.parseLong(used.group(1)) * 1024) : "unknown";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    private static long sizeOf(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static String megabytes(long bytes) {
        return "%.0f MB".formatted(bytes / 1e6);
    }

}
