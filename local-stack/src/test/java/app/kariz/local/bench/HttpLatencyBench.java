package app.kariz.local.bench;

import app.kariz.local.StackProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.regex.Matcher;

import static app.kariz.local.bench.BenchStack.encode;
import static app.kariz.local.bench.BenchStack.loadAverage;
import static app.kariz.local.bench.BenchStack.millis;
import static app.kariz.local.bench.BenchStack.percentile;
import static org.awaitility.Awaitility.await;

/**
 * Board, agenda and deal-list latency of the real local stack, over HTTP through the gateway, after seeding it
 * through the public API. Not a unit test: its name matches none of Surefire's patterns, so {@code verify}
 * leaves it out; run it on purpose (see {@code local-stack/scripts/http-latency-bench.sh}) with
 * <pre>
 * ./mvnw -q -B -o -DskipTests package
 * ./mvnw -q -B -o -pl local-stack -am test -Dtest=HttpLatencyBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>It starts the packaged {@code target/kariz-local.jar} in a JVM of its own (fresh data directory under
 * {@code target/http-latency-bench/}, any free ports, its own demo token), so the stack runs exactly as
 * {@code java -jar} runs it and the client's threads and garbage stay out of its heap. It changes two gateway
 * settings for the one demo token that does all the seeding: the rate limit (raised, or seeding would be throttled
 * to 20 requests/s) and the positions remembered per token (see {@link #positionsPerToken}).
 * With {@code -Dkariz.bench.baseUri=http://host:port -Dkariz.bench.token=...} it uses a stack that is already
 * running instead (then the data must be empty, or the counts will not match).
 *
 * <ol>
 *   <li>Seeds {@code kariz.bench.deals} open deals over the default pipeline's stages and
 *   {@code kariz.bench.owners} owners, then {@code kariz.bench.activities} activities (overdue, due today,
 *   planned; timed and all-day; some deals none), with {@code kariz.bench.threads} client threads, through
 *   {@code POST /api/v1/deals} and {@code POST /api/v1/activities}.</li>
 *   <li>Polls the board and the last cards written, every 10 s with a deadline ({@code kariz.bench.catchUpMinutes}),
 *   until the view shows every deal, the right number without activities and the last activities on their
 *   cards.</li>
 *   <li>Warms up each query, and keeps warming up until the gateway's read-your-writes window since the last
 *   write has passed (so the measured reads carry no {@code Kariz-Await} positions, as a colleague's reads
 *   would not), then times {@code kariz.bench.runs} sequential requests of each.</li>
 * </ol>
 * The table is printed and written to {@code target/http-latency-bench.txt}.
 */
@Tag("benchmark")
class HttpLatencyBench {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> TYPES = List.of("call", "call", "meeting", "task", "email", "consultation");
    private static final String SEARCH = "قرارداد 12";

    private final int deals = Integer.getInteger("kariz.bench.deals", 10_000);
    private final int activities = Integer.getInteger("kariz.bench.activities", 30_000);
    private final int owners = Integer.getInteger("kariz.bench.owners", 8);
    private final int threads = Integer.getInteger("kariz.bench.threads", 4);
    private final int warmUp = Integer.getInteger("kariz.bench.warmup", 20);
    private final int runs = Integer.getInteger("kariz.bench.runs", 200);
    private final Duration consistencyWindow = Duration.ofSeconds(Integer.getInteger("kariz.bench.consistencyWindowSeconds", 60));
    private final Duration catchUpTimeout = Duration.ofMinutes(Integer.getInteger("kariz.bench.catchUpMinutes", 180));
    /**
     * The gateway remembers up to this many written aggregates per token and sends them all in
     * {@code Kariz-Await}; with the shipped 1000 the header outgrows Tomcat's 8 KB after about 180 writes within
     * the window, and the services answer 400 (see the report). One token seeding 40,000 commands is many users'
     * work; 100 keeps read-your-writes on with a header of about 4.5 KB.
     */
    private final int positionsPerToken = Integer.getInteger("kariz.bench.positionsPerToken", 100);
    private final String stackJvmArgs = System.getProperty("kariz.bench.stackJvmArgs", "-Xms512m -Xmx2g");
    /**
     * The in-process MongoDB's storage, {@code file} (what {@code java -jar kariz-local.jar} uses) or {@code memory}.
     * At 10,000 deals and 30,000 activities the file backend, which deserialises every document a query scans and
     * uses no secondary index, applies only a few events per second, so the view would take over an hour to catch up.
     */
    private final String mongoStorage = System.getProperty("kariz.bench.mongoStorage", "memory");
    private final Path workDir = Path.of(System.getProperty("kariz.bench.dir", "target/http-latency-bench"));
    private final Path jar = Path.of(System.getProperty("kariz.bench.jar", "target/kariz-local.jar"));

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String baseUri;
    private String token;

    public static void main(String[] args) throws Exception {
        new HttpLatencyBench().measure();
    }

    @Test
    void measure() throws Exception {
        List<String> report = new ArrayList<>();
        StackProcess stack = null;
        try {
            String external = System.getProperty("kariz.bench.baseUri");
            long readyMillis = -1;
            if (external != null) {
                baseUri = external;
                token = System.getProperty("kariz.bench.token");
            } else {
                token = System.getProperty("kariz.bench.token", UUID.randomUUID().toString());
                stack = startStack();
                Matcher ready = BenchStack.awaitReady(stack);
                baseUri = "http://127.0.0.1:" + ready.group(2);
                readyMillis = Long.parseLong(ready.group(1));
            }
            report.add("HTTP latency bench: %d open deals, %d activities, %d owners, through the gateway at %s"
                    .formatted(deals, activities, owners, baseUri));
            report.add(machine(readyMillis));
            report.add("load before seeding: " + loadAverage());
            run(report);
            report.add("load after measuring: " + loadAverage());
        } finally {
            if (stack != null) {
                stopStack(stack, report);
            }
            System.out.println(save(report));
        }
    }

    /** Writes what is known so far, so a run stopped during the long catch-up still leaves its seeding figures. */
    private static String save(List<String> report) throws IOException {
        String text = String.join("\n", report) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "http-latency-bench.txt"), text);
        return text;
    }

    // ---- the stack -------------------------------------------------------------------------------------------

    /** Starts the packaged jar on a fresh data directory and any free ports. */
    private StackProcess startStack() throws IOException {
        return BenchStack.start(jar, stackJvmArgs, workDir, token, mongoStorage, Map.of(
                "KARIZ_CONSISTENCY_WINDOW", consistencyWindow.toSeconds() + "s",
                "KARIZ_GATEWAY_POSITIONS_PER_TOKEN", String.valueOf(positionsPerToken)));
    }

    private static void stopStack(StackProcess stack, List<String> report) throws InterruptedException {
        report.add(BenchStack.stop(stack));
    }

    private String machine(long readyMillis) {
        return """
                machine: %d cores (Runtime.availableProcessors), %s %s, client JVM %s %s
                stack: java %s -jar %s (own JVM), ready in %d ms; rate limit raised to 1000000/s; \
                read-your-writes window %d s, at most %d positions per token; in-process MongoDB storage: %s""".formatted(
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                stackJvmArgs, jar, readyMillis, consistencyWindow.toSeconds(), positionsPerToken, mongoStorage);
    }

    // ---- seeding ---------------------------------------------------------------------------------------------

    private record Plan(String stageId, String owner, int activities) {
    }

    private record PlannedActivity(int deal, String type, LocalDate date, LocalTime time, ZoneId zone,
                                   String kind) {
    }

    private void run(List<String> report) throws Exception {
        JsonNode pipeline = get("/api/v1/pipelines").body().get(0);
        String pipelineId = pipeline.get("id").asText();
        List<String> stageIds = new ArrayList<>();
        pipeline.get("stages").forEach(stage -> stageIds.add(stage.get("id").asText()));

        Random random = new Random(42);
        List<Plan> plans = plan(random, stageIds);
        List<PlannedActivity> planned = planActivities(random, plans);

        // Phase 1: deals.
        AtomicReferenceArray<String> dealIds = new AtomicReferenceArray<>(deals);
        Seeding openings = seed(deals, index -> {
            Plan plan = plans.get(index);
            String body = """
                    {"title": "%s", "pipelineId": "%s", "stageId": "%s", "value": {"amount": "%d.%02d", \
                    "currency": "%s"}, "ownerId": "%s", "personName": "%s", "organizationName": "%s"}"""
                    .formatted(title(index), pipelineId, plan.stageId(), 1_000 + (index * 7919L) % 5_000_000,
                            index % 100, index % 5 == 0 ? "USD" : "IRR", plan.owner(),
                            index % 3 == 0 ? "سارا احمدی " + index : "Person " + index, "Company " + index % 300);
            Reply reply = post("/api/v1/deals", body);
            if (reply.status() == 201) {
                dealIds.set(index, reply.body().get("id").asText());
            }
            return reply;
        });

        // Phase 2: activities, once every deal exists.
        AtomicInteger[] scheduledPerDeal = new AtomicInteger[deals];
        Arrays.setAll(scheduledPerDeal, i -> new AtomicInteger());
        Seeding scheduling = seed(planned.size(), index -> {
            PlannedActivity activity = planned.get(index);
            String dealId = dealIds.get(activity.deal());
            if (dealId == null) {
                return new Reply(-1, json.nullNode(), 0);
            }
            String time = activity.time() == null ? "" : ", \"dueTime\": \"%s\"".formatted(activity.time());
            String body = """
                    {"dealId": "%s", "type": "%s", "subject": "%s", "dueDate": "%s", "timeZone": "%s"%s}"""
                    .formatted(dealId, activity.type(), subject(activity, index), activity.date(), activity.zone(),
                            time);
            Reply reply = post("/api/v1/activities", body);
            if (reply.status() == 201) {
                scheduledPerDeal[activity.deal()].incrementAndGet();
            }
            return reply;
        });
        Instant lastWrite = Instant.now();
        report.add("load after seeding: " + loadAverage());

        int commands = openings.succeeded() + scheduling.succeeded();
        double seedSeconds = (openings.nanos() + scheduling.nanos()) / 1e9;
        report.add("");
        report.add("Seeding through the API with %d client threads:".formatted(threads));
        report.add(openings.describe("POST /api/v1/deals"));
        report.add(scheduling.describe("POST /api/v1/activities"));
        report.add("  all: %d commands in %.1f s = %.1f commands/s".formatted(commands, seedSeconds,
                commands / seedSeconds));
        Map<String, Long> kinds = new LinkedHashMap<>();
        planned.forEach(activity -> kinds.merge(activity.kind(), 1L, Long::sum));
        long withNone = 0;
        for (int d = 0; d < deals; d++) {
            if (dealIds.get(d) != null && scheduledPerDeal[d].get() == 0) {
                withNone++;
            }
        }
        long adriftExpected = withNone;
        report.add("  activity mix: %s; %d deals have none".formatted(kinds, withNone));
        System.out.println(save(report));

        // Catch-up: every deal on the board, the right number adrift, and the last activities on their cards.
        long catchUpStarted = System.nanoTime();
        String boardPath = "/api/v1/pipelines/" + pipelineId + "/board";
        List<Integer> lastDeals = new ArrayList<>();
        for (int i = planned.size() - 1; i >= 0 && lastDeals.size() < 3 * threads; i--) {
            if (!lastDeals.contains(planned.get(i).deal()) && dealIds.get(planned.get(i).deal()) != null) {
                lastDeals.add(planned.get(i).deal());
            }
        }
        int openDeals = openings.succeeded();
        AtomicLong lastProgress = new AtomicLong(catchUpStarted);
        // A board request costs the view as much as applying dozens of events (on 2 cores it slowed the catch-up it
        // was waiting for): poll every 10 s.
        await().atMost(catchUpTimeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(10))
                .ignoreExceptions().until(() -> {
                    JsonNode board = get(boardPath).body();
                    int onBoard = 0;
                    int adrift = 0;
                    for (JsonNode stage : board.get("stages")) {
                        for (JsonNode count : stage.get("counts")) {
                            onBoard += count.asInt();
                        }
                        adrift += stage.get("counts").path("NO_ACTIVITY").asInt();
                    }
                    if (System.nanoTime() - lastProgress.get() > 30_000_000_000L) {
                        lastProgress.set(System.nanoTime());
                        System.out.printf("  ... catching up: %d of %d deals on the board, %d of %d adrift, after %.0f s%n",
                                onBoard, openDeals, adrift, adriftExpected, (System.nanoTime() - catchUpStarted) / 1e9);
                    }
                    if (onBoard != openDeals || adrift != adriftExpected) {
                        return false;
                    }
                    for (int deal : lastDeals) {
                        JsonNode card = get("/api/v1/deals/" + dealIds.get(deal)).body();
                        if (card.get("openActivityCount").asInt() != scheduledPerDeal[deal].get()) {
                            return false;
                        }
                    }
                    return true;
                });
        report.add("  the view caught up %.1f s after the last write (board counts and the last cards polled)"
                .formatted((System.nanoTime() - catchUpStarted) / 1e9));
        save(report);

        // Queries.
        String busiest = busiestOwner(planned, plans);
        JsonNode board = get(boardPath).body();
        String firstStage = board.get("stages").get(0).get("id").asText();
        String secondPage = board.get("stages").get(0).get("nextCursor").asText();
        String someDeal = dealIds.get(deals / 2);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("deal card (baseline)", "/api/v1/deals/" + someDeal);
        queries.put("board, 4 stages, 50 cards each", boardPath);
        queries.put("board ?indicator=OVERDUE,TODAY", boardPath + "?indicator=OVERDUE,TODAY");
        queries.put("stage page 2 (cursor), 50 cards", "/api/v1/pipelines/" + pipelineId + "/stages/" + firstStage
                + "/deals?limit=50&cursor=" + encode(secondPage));
        queries.put("agenda of the busiest owner", "/api/v1/agenda?assigneeId=" + busiest);
        queries.put("attention list NO_ACTIVITY,OVERDUE", "/api/v1/deals?indicator=NO_ACTIVITY,OVERDUE");
        queries.put("search ?q=" + SEARCH, "/api/v1/deals?q=" + encode(SEARCH));

        long warmUpStarted = System.nanoTime();
        int warmUps = 0;
        Map<String, Integer> sizes = new HashMap<>();
        do {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                for (int i = 0; i < warmUp; i++) {
                    Reply reply = get(query.getValue());
                    if (reply.status() != 200) {
                        throw new IllegalStateException(query.getValue() + " answered " + reply.status() + ": "
                                + reply.body());
                    }
                    sizes.put(query.getKey(), reply.bytes());
                    warmUps++;
                }
            }
        } while (Instant.now().isBefore(lastWrite.plus(consistencyWindow).plusSeconds(1)));
        report.add("");
        report.add("%d warm-up requests in %.1f s (until the %d s read-your-writes window after the last write had passed); then %d sequential requests per query:"
                .formatted(warmUps, (System.nanoTime() - warmUpStarted) / 1e9, consistencyWindow.toSeconds(), runs));
        report.add(String.format("%-38s %9s %9s %9s %9s %9s %8s", "GET through the gateway", "median ms", "p90 ms",
                "p99 ms", "max ms", "mean ms", "KB"));
        for (Map.Entry<String, String> query : queries.entrySet()) {
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                Reply reply = get(query.getValue());
                nanos[i] = System.nanoTime() - started;
                if (reply.status() != 200) {
                    throw new IllegalStateException(query.getValue() + " answered " + reply.status());
                }
            }
            long total = Arrays.stream(nanos).sum();
            Arrays.sort(nanos);
            report.add(String.format("%-38s %9.1f %9.1f %9.1f %9.1f %9.1f %8d", query.getKey(),
                    millis(percentile(nanos, 0.50)), millis(percentile(nanos, 0.90)), millis(percentile(nanos, 0.99)),
                    millis(nanos[runs - 1]), millis(total / runs), sizes.get(query.getKey()) / 1024));
        }
        report.add("(busiest owner: %s; search: q=%s; percentiles by nearest rank)".formatted(busiest, SEARCH));
    }

    /** Which stage and owner each deal gets, and how many activities: some none, up to 8, {@code activities} in all. */
    private List<Plan> plan(Random random, List<String> stageIds) {
        int[] counts = new int[deals];
        int withActivities = Math.min(deals, Math.max(1, activities > deals ? deals * 85 / 100 : activities));
        int remaining = activities;
        for (int d = 0; d < withActivities && remaining > 0; d++) {
            counts[d] = 1;
            remaining--;
        }
        while (remaining > 0) {
            int d = random.nextInt(withActivities);
            if (counts[d] < 8) {
                counts[d]++;
                remaining--;
            }
        }
        // Shuffle which deals have none, so they are spread over stages and owners.
        for (int i = deals - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = counts[i];
            counts[i] = counts[j];
            counts[j] = swap;
        }
        List<Plan> plans = new ArrayList<>(deals);
        for (int d = 0; d < deals; d++) {
            // Earlier stages hold more deals, as on a real funnel; owner-0 carries twice the others' load.
            int stage = Math.min(stageIds.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 1.3));
            int owner = random.nextInt(owners + 1) % owners;
            plans.add(new Plan(stageIds.get(stage), "owner-" + owner, counts[d]));
        }
        return plans;
    }

    /**
     * The activities, in the order they are scheduled (deal by deal): 20 % overdue (earlier days, or earlier
     * today), 15 % due today (all-day or later today), 65 % planned over the next 30 days; 40 % all-day; one in
     * ten in Berlin time, the rest in Tehran time.
     */
    private static List<PlannedActivity> planActivities(Random random, List<Plan> plans) {
        List<PlannedActivity> planned = new ArrayList<>();
        for (int d = 0; d < plans.size(); d++) {
            for (int a = 0; a < plans.get(d).activities(); a++) {
                ZoneId zone = random.nextInt(10) == 0 ? BERLIN : TEHRAN;
                ZonedDateTime now = ZonedDateTime.now(zone);
                LocalDate today = now.toLocalDate();
                boolean allDay = random.nextInt(10) < 4;
                int roll = random.nextInt(100);
                String type = TYPES.get(random.nextInt(TYPES.size()));
                LocalTime time = allDay ? null : LocalTime.of(8 + random.nextInt(11), 15 * random.nextInt(4));
                if (roll < 20) {
                    boolean earlierToday = !allDay && now.getHour() >= 2 && random.nextBoolean();
                    if (earlierToday) {
                        LocalTime earlier = LocalTime.of(random.nextInt(now.getHour() - 1), 15 * random.nextInt(4));
                        planned.add(new PlannedActivity(d, type, today, earlier, zone, "overdue"));
                    } else {
                        planned.add(new PlannedActivity(d, type, today.minusDays(1 + random.nextInt(14)), time,
                                zone, "overdue"));
                    }
                } else if (roll < 35) {
                    // Due today and not yet overdue for a while: all-day, or a time at least two hours ahead.
                    LocalTime later = now.getHour() < 21 ? LocalTime.of(now.getHour() + 2 + random.nextInt(23 - now.getHour() - 1), 0) : null;
                    planned.add(new PlannedActivity(d, type, today, allDay ? null : later, zone, "today"));
                } else {
                    planned.add(new PlannedActivity(d, type, today.plusDays(1 + random.nextInt(30)), time, zone,
                            "planned"));
                }
            }
        }
        return planned;
    }

    private static String busiestOwner(List<PlannedActivity> planned, List<Plan> plans) {
        Map<String, Integer> dueOrOverdue = new HashMap<>();
        planned.stream().filter(activity -> !activity.kind().equals("planned"))
                .forEach(activity -> dueOrOverdue.merge(plans.get(activity.deal()).owner(), 1, Integer::sum));
        return dueOrOverdue.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("owner-0");
    }

    private static String title(int index) {
        return switch (index % 4) {
            case 0 -> "قرارداد " + index;
            case 1 -> "تمدید پشتیبانی " + index;
            case 2 -> "Annual licence " + index;
            default -> "خرید سرور " + index;
        };
    }

    private static String subject(PlannedActivity activity, int index) {
        return switch (activity.type()) {
            case "call" -> "تماس پیگیری " + index;
            case "meeting" -> "جلسه معرفی محصول " + index;
            default -> activity.type() + " " + index;
        };
    }

    /** What one seeding phase did: how long, how many succeeded, and each command's latency. */
    private record Seeding(long nanos, int succeeded, int failed, long[] latencies, Map<Integer, Integer> failures) {

        String describe(String what) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double seconds = nanos / 1e9;
            return "  %s: %d in %.1f s = %.1f/s; per command median %.1f ms, p99 %.1f ms, max %.1f ms; failed %d %s"
                    .formatted(what, succeeded, seconds, succeeded / seconds,
                            sorted.length == 0 ? 0 : millis(percentile(sorted, 0.5)),
                            sorted.length == 0 ? 0 : millis(percentile(sorted, 0.99)),
                            sorted.length == 0 ? 0 : millis(sorted[sorted.length - 1]), failed,
                            failures.isEmpty() ? "" : failures);
        }
    }

    /** Runs {@code command} for 0..count-1 on the client threads; a command answers its HTTP status. */
    private Seeding seed(int count, IntFunction<Reply> command) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicLongArray latencies = new AtomicLongArray(count);
        Map<Integer, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong progressAt = new AtomicLong(System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    Reply reply = command.apply(index);
                    // Only a 429 is retried: it never reached a service. Anything else might have been applied.
                    for (int attempt = 1; reply.status() == 429 && attempt <= 3; attempt++) {
                        reply = command.apply(index);
                    }
                    latencies.set(index, System.nanoTime() - sent);
                    if (reply.status() / 100 == 2) {
                        succeeded.incrementAndGet();
                    } else if (failures.merge(reply.status(), 1, Integer::sum) == 1) {
                        System.out.printf("  first %d: %.300s%n", reply.status(), reply.body());
                    }
                    long last = progressAt.get();
                    if (System.nanoTime() - last > 30_000_000_000L && progressAt.compareAndSet(last, System.nanoTime())) {
                        System.out.printf("  ... %d of %d after %.0f s%n", index, count,
                                (System.nanoTime() - started) / 1e9);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long nanos = System.nanoTime() - started;
        pool.shutdown();
        long[] all = new long[count];
        for (int i = 0; i < count; i++) {
            all[i] = latencies.get(i);
        }
        int ok = succeeded.get();
        if (count - ok > count / 100) {
            throw new IllegalStateException("%d of %d seeding commands failed: %s".formatted(count - ok, count,
                    failures));
        }
        return new Seeding(nanos, ok, count - ok, all, failures);
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private record Reply(int status, JsonNode body, int bytes) {
    }

    private Reply get(String path) {
        return send(request(path).GET());
    }

    private Reply post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            JsonNode tree;
            try {
                tree = body.length == 0 ? json.nullNode() : json.readTree(body);
            } catch (IOException notJson) {
                tree = json.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
            }
            return new Reply(response.statusCode(), tree, body.length);
        } catch (IOException e) {
            return new Reply(599, json.nullNode(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
