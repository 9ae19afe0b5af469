package app.kariz.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack ({@link KarizLocal}) in a JVM of its own, its output in a log file: for tests that stop it the hard
 * way, or that keep their own threads and garbage out of its heap. If the test's JVM ends first, the stack is
 * stopped with it.
 */
public final class StackProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Thread stopWithTestJvm;

    private StackProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.stopWithTestJvm = new Thread(process::destroyForcibly, "stop-stack-process");
        Runtime.getRuntime().addShutdownHook(stopWithTestJvm);
    }

    /** {@code java <jvmArgs> -jar <jar>}: exactly as a user starts it. */
    public static List<String> jar(Path jar, List<String> jvmArgs) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run ./mvnw -q -B -o -DskipTests "
                    + "package first");
        }
        List<String> arguments = new ArrayList<>(jvmArgs);
        arguments.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return arguments;
    }

    /**
     * {@code java <jvmArgs> -cp <this JVM's class path> app.kariz.local.KarizLocal}, logging as the jar does
     * ({@code logback.xml}, not the tests' {@code logback-test.xml}) and with Axon's update checker off.
     */
    public static List<String> testClassPath(List<String> jvmArgs) {
        List<String> arguments = new ArrayList<>(jvmArgs);
        arguments.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), KarizLocal.class.getName()));
        return arguments;
    }

    /**
     * Starts {@code java} with these arguments in {@code workDir}, the environment of this JVM plus {@code env},
     * standard output and error both to {@code log} (replaced).
     */
    public static StackProcess start(List<String> arguments, Path workDir, Map<String, String> env, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return new StackProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** What the stack has logged so far. */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** The last {@code lines} lines of the log, for a failure message. */
    public String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return "---- last " + Math.min(lines, all.size()) + " lines of " + log.toAbsolutePath() + " ----\n"
                + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * SIGKILL (on Linux): no shutdown hook runs, nothing is flushed or closed.
     *
     * @return the exit code, 137 (128 + 9) on Linux
     * @throws IllegalStateException if the process is still there 30 s later
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pid " + pid() + " is still alive 30 s after SIGKILL");
        }
        forgetShutdownHook();
        return process.exitValue();
    }

    /**
     * SIGTERM, and SIGKILL if it has not stopped within {@code grace}.
     *
     * @return how long it took to stop, or null if it had to be killed
     */
    public Duration stop(Duration grace) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            forgetShutdownHook();
            return Duration.ofNanos(System.nanoTime() - started);
        }
        kill();
        return null;
    }

    /** Kills the stack if it is still running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        } else {
            forgetShutdownHook();
        }
    }

    private void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopWithTestJvm);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to forget
        }
    }

    /** Deletes a stack's work directory and everything in it, so the next stack starts on no data. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
