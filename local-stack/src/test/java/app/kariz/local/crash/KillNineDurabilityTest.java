package app.kariz.local.crash;

import app.kariz.local.GatewayClient;
import app.kariz.local.GatewayClient.Reply;
import app.kariz.local.StackProcess;
import app.kariz.local.crash.SurvivalCheck.Findings;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Every write the API answered {@code 201} survives a {@code kill -9} of the local stack exactly once, in the service
 * that owns it and in the views, with the right indicator on its deal's card.
 *
 * <p>The stack runs in a JVM of its own ({@code app.kariz.local.KarizLocal} on this test's class path), on a fresh
 * data directory under {@code target/kill-nine/} and free ports, with the default file-backed MongoDB stand-in. Each
 * round: four client threads open deals and schedule an activity on about half of them (due today, in the future or
 * overdue, Asia/Tehran) as fast as the stack answers; after a random 3–12 s the stack gets SIGKILL mid-load; it is
 * started again on the same data and ports, and {@link SurvivalCheck} looks for every write acknowledged in this and
 * the earlier rounds. A write that got no answer because of the kill promised nothing and is not looked for.
 *
 * <p>Each round prints one line ({@code kill -9 round ...}: acknowledged, lost, duplicated) and the run one total
 * ({@code kill -9 durability: ...}). Settings (system properties): {@code kariz.crash.rounds} (2),
 * {@code kariz.crash.threads} (4), {@code kariz.crash.loadMinSeconds} / {@code loadMaxSeconds} (3 / 12),
 * {@code kariz.crash.checkSeconds} (60: how long the restarted stack may take to show everything),
 * {@code kariz.crash.seed} (random, printed). More rounds: {@code local-stack/scripts/crash-test.sh}.
 */
class KillNineDurabilityTest {

    private static final Duration READY_DEADLINE = Duration.ofMinutes(3);
    private static final Duration LOAD_STOP_DEADLINE = Duration.ofSeconds(60);

    private final int rounds = Integer.getInteger("kariz.crash.rounds", 2);
    private final int threads = Integer.getInteger("kariz.crash.threads", 4);
    private final int loadMinSeconds = Integer.getInteger("kariz.crash.loadMinSeconds", 3);
    private final int loadMaxSeconds = Integer.getInteger("kariz.crash.loadMaxSeconds", 12);
    private final Duration checkDeadline = Duration.ofSeconds(Integer.getInteger("kariz.crash.checkSeconds", 60));
    private final long seed = Long.getLong("kariz.crash.seed", new SecureRandom().nextLong());

    private final Path runDir = Path.of("target", "kill-nine",
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    private final String token = "crash-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private Map<String, String> environment;
    private int gatewayPort;
    private int starts;

    @Test
    void everyWriteAnswered201SurvivesAKillNineExactlyOnceInItsServiceAndInTheViews() throws Exception {
        assertThat(rounds).as("kariz.crash.rounds").isPositive();
        int[] ports = freePorts(3);
        gatewayPort = ports[0];
        environment = Map.of(
                "KARIZ_DATA_DIR", runDir.toAbsolutePath().resolve("data").toString(),
                "KARIZ_GATEWAY_PORT", String.valueOf(ports[0]),
                "KARIZ_KAFKA_PORT", String.valueOf(ports[1]),
                "KARIZ_MONGO_PORT", String.valueOf(ports[2]),
                "KARIZ_DEMO_TOKEN", token,
                // One token does all the writing: the default 20 requests/s would measure the limiter.
                "KARIZ_RATE_LIMIT_PER_SECOND", "100000",
                "KARIZ_RATE_LIMIT_BURST", "100000");
        System.out.printf("kill -9 durability: %d rounds, %d client threads, seed %d (-Dkariz.crash.seed=%d), "
                + "data in %s%n", rounds, threads, seed, seed, runDir.toAbsolutePath());
        Random random = new Random(seed);
        AcknowledgedWrites writes = new AcknowledgedWrites();
        Set<String> reported = new TreeSet<>();
        ExecutorService checkThreads = Executors.newFixedThreadPool(threads);
        StackProcess stack = start();
        Findings findings = null;
        try {
            awaitReady(stack);
            JsonNode pipeline = api().get("/api/v1/pipelines").body().get(0);
            String pipelineId = pipeline.path("id").asText();
            List<String> stageIds = new ArrayList<>();
            pipeline.path("stages").forEach(stage -> stageIds.add(stage.path("id").asText()));

            for (int round = 1; round <= rounds; round++) {
                WriteLoad load = new WriteLoad(api(), pipelineId, stageIds, writes, round, threads,
                        random.nextLong());
                long loadMillis = 1_000L * loadMinSeconds
                        + random.nextInt(1_000 * (loadMaxSeconds - loadMinSeconds) + 1);
                Thread.sleep(loadMillis); // how long the load runs before the kill; nothing waits on it
                assertThat(stack.isAlive()).as("the stack is still up after %d ms of load", loadMillis).isTrue();
                load.killing();
                int exitCode = stack.kill();
                assertThat(exitCode).as("exit code of pid %d after SIGKILL", stack.pid()).isEqualTo(137);
                load.stop(LOAD_STOP_DEADLINE);

                long restarting = System.nanoTime();
                stack = start();
                awaitReady(stack);
                long restartMillis = millisSince(restarting);
                long checking = System.nanoTime();
                findings = awaitSurvival(new SurvivalCheck(api(), pipelineId, writes, checkThreads), reported);
                System.out.println(roundSummary(round, writes, findings, reported, loadMillis, restartMillis,
                        millisSince(checking)));
                reported.addAll(findings.problems());
            }
            int acknowledged = writes.deals().size() + writes.activities().size();
            System.out.printf("kill -9 durability: %d rounds, %d acknowledged writes (%d deals, %d activities), "
                            + "%d lost, %d duplicated, %d wrong in the views%s%n", rounds, acknowledged,
                    writes.deals().size(), writes.activities().size(), findings.lost().size(),
                    findings.duplicatedInView().size(), findings.wrongInView().size(),
                    findings.boardMismatch() == null ? "" : "; " + findings.boardMismatch());
            if (!findings.settledExcept(Set.of())) {
                fail(failure(findings, writes));
            }
        } catch (Throwable failure) {
            System.out.println(stack.logTail(60));
            throw failure;
        } finally {
            checkThreads.shutdownNow();
            if (stack.isAlive()) {
                stack.stop(Duration.ofSeconds(60));
            }
        }
        StackProcess.deleteRecursively(runDir);
    }

    // ---- the stack -------------------------------------------------------------------------------------------

    private StackProcess start() {
        starts++;
        return StackProcess.start(StackProcess.testClassPath(List.of("-Xmx1g")), runDir, environment,
                runDir.resolve("stack-" + starts + ".log"));
    }

    private GatewayClient api() {
        // A new client each time: connections pooled before a kill are dead.
        return new GatewayClient(gatewayPort, token);
    }

    /** Until the gateway answers an authenticated call with the seeded pipeline. */
    private void awaitReady(StackProcess stack) {
        GatewayClient api = api();
        await("the stack, pid " + stack.pid() + ", answering").atMost(READY_DEADLINE)
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!stack.isAlive()) {
                        throw new IllegalStateException("The stack exited before it was ready");
                    }
                    try {
                        Reply pipelines = api.get("/api/v1/pipelines");
                        return pipelines.status() == 200 && pipelines.body().size() > 0;
                    } catch (UncheckedIOException notListeningYet) {
                        return false;
                    }
                });
    }

    /**
     * Checks until nothing is wrong but what earlier rounds reported already, or the deadline passes: the views
     * catch up with Kafka after the restart. Returns the last complete check either way.
     */
    private Findings awaitSurvival(SurvivalCheck check, Set<String> reported) {
        AtomicReference<Findings> last = new AtomicReference<>();
        try {
            await("every acknowledged write in its service and in the views").atMost(checkDeadline)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).until(() -> {
                        Findings findings = check.check();
                        last.set(findings);
                        return findings.settledExcept(reported);
                    });
        } catch (ConditionTimeoutException timeout) {
            if (last.get() == null) {
                throw timeout;
            }
        }
        return last.get();
    }

    // ---- reporting -------------------------------------------------------------------------------------------

    /** How many writes this round acknowledged and what became of them; and what is newly wrong with older ones. */
    private String roundSummary(int round, AcknowledgedWrites writes, Findings findings, Set<String> reported,
                                long loadMillis, long restartMillis, long checkMillis) {
        AcknowledgedWrites.Tally tally = writes.tally(round);
        Predicate<String> ofThisRound = id -> writes.roundOf(id) == round;
        Function<Set<String>, Long> thisRound = ids -> ids.stream().filter(ofThisRound).count();
        long newlyLostEarlier = findings.problems().stream().filter(ofThisRound.negate())
                .filter(id -> !reported.contains(id)).count();
        return ("kill -9 round %d of %d: acknowledged %d deals and %d activities, lost %d (missing from the deal "
                + "service %d, the activity service %d, the views %d), duplicated %d, wrong in the views %d; earlier "
                + "rounds' writes newly lost or wrong %d%s; no answer: %d deals and %d activities (%d before the "
                + "kill), other answers %s; load %.1f s, kill to ready %.1f s, check %.1f s").formatted(round, rounds,
                tally.deals.get(), tally.activities.get(), thisRound.apply(findings.lost()),
                thisRound.apply(findings.missingInDealService().keySet()),
                thisRound.apply(findings.missingInActivityService().keySet()),
                thisRound.apply(findings.missingInView().keySet()),
                thisRound.apply(findings.duplicatedInView().keySet()), thisRound.apply(findings.wrongInView().keySet()),
                newlyLostEarlier, findings.boardMismatch() == null ? "" : "; " + findings.boardMismatch(),
                tally.unansweredDeals.get(), tally.unansweredActivities.get(), tally.unansweredBeforeTheKill.get(),
                tally.describeOtherAnswers(), loadMillis / 1e3, restartMillis / 1e3, checkMillis / 1e3);
    }

    private String failure(Findings findings, AcknowledgedWrites writes) {
        return """
                %d of %d acknowledged writes did not survive kill -9 over %d rounds (%d deals, %d activities \
                acknowledged); the stack's logs are in %s
                  missing from the deal service: %d %s
                  missing from the activity service: %d %s
                  missing from the views: %d %s
                  duplicated in the deal list: %d %s
                  wrong in the views: %d %s
                  board: %s""".formatted(findings.lost().size(), writes.deals().size() + writes.activities().size(),
                rounds, writes.deals().size(), writes.activities().size(), runDir.toAbsolutePath(),
                findings.missingInDealService().size(), sample(findings.missingInDealService()),
                findings.missingInActivityService().size(), sample(findings.missingInActivityService()),
                findings.missingInView().size(), sample(findings.missingInView()),
                findings.duplicatedInView().size(), sample(findings.duplicatedInView()),
                findings.wrongInView().size(), sample(findings.wrongInView()),
                findings.boardMismatch() == null ? "counts as many open deals as the list shows"
                        : findings.boardMismatch());
    }

    /** The first few entries, for a readable message. */
    private static String sample(Map<String, ?> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        return problems.entrySet().stream().limit(5).map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("; ", "e.g. ", problems.size() > 5 ? "; …" : ""));
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Distinct ports free right now: all held open together, then released for the stack. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
