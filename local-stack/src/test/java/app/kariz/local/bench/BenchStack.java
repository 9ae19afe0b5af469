package app.kariz.local.bench;

import app.kariz.local.StackProcess;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * What the benchmarks share: the packaged stack started as a user starts it, on a fresh data directory and any
 * free ports, with the demo token's rate limit raised (or seeding would be throttled to 20 requests/s); and the
 * few ways their figures are taken.
 */
final class BenchStack {

    /** The launcher's ready line: milliseconds since JVM start, the gateway's port, Kafka, MongoDB. */
    static final Pattern READY = Pattern.compile(
            "Kariz is ready in (\\d+) ms: API http://localhost:(\\d+)/api/v1, Kafka ([^,]+), MongoDB ([^,]+), data in");

    private BenchStack() {
    }

    /**
     * @param settings more environment variables for the stack, e.g. {@code KARIZ_GATEWAY_POSITIONS_PER_TOKEN}
     */
    static StackProcess start(Path jar, String jvmArgs, Path workDir, String demoToken, String mongoStorage,
                              Map<String, String> settings) throws IOException {
        StackProcess.deleteRecursively(workDir);
        Map<String, String> env = new HashMap<>(settings);
        env.put("KARIZ_DATA_DIR", workDir.toAbsolutePath().resolve("data").toString());
        env.put("KARIZ_GATEWAY_PORT", "0");
        env.put("KARIZ_KAFKA_PORT", "0");
        env.put("KARIZ_MONGO_PORT", "0");
        env.put("KARIZ_DEMO_TOKEN", demoToken);
        env.put("KARIZ_MONGO_STORAGE", mongoStorage);
        env.put("KARIZ_RATE_LIMIT_PER_SECOND", "1000000");
        env.put("KARIZ_RATE_LIMIT_BURST", "1000000");
        List<String> launch = StackProcess.jar(jar, Arrays.stream(jvmArgs.trim().split("\\s+"))
                .filter(arg -> !arg.isEmpty()).toList());
        return StackProcess.start(launch, workDir, env, workDir.resolve("stack.log"));
    }

    /** The stack's ready line ({@link #READY}); its log's tail is printed when it never comes. */
    static Matcher awaitReady(StackProcess stack) {
        try {
            return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!stack.isAlive()) {
                    throw new IllegalStateException("The stack exited before it was ready\n" + stack.logTail(40));
                }
                return READY.matcher(stack.logText());
            }, Matcher::find);
        } catch (RuntimeException e) {
            System.out.println(stack.logTail(40));
            throw e;
        }
    }

    /** Stops the stack with SIGTERM and says how long it took. */
    static String stop(StackProcess stack) throws InterruptedException {
        Duration stopped = stack.stop(Duration.ofMinutes(2));
        return stopped == null ? "the stack did not stop on SIGTERM within 2 minutes; killed"
                : "stack stopped on SIGTERM in %d ms".formatted(stopped.toMillis());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** By nearest rank; 0 for no samples. */
    static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1))];
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
