package app.kariz.testing.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A single-node KRaft Kafka broker in this JVM on 127.0.0.1, for one test class: with its log in a fresh temporary
 * directory (removed at close), or in one the test owns, to start again on the same data. Topics are created by
 * the service itself (auto-creation is off, as in production); the local launcher's {@code EmbeddedKafka} is the
 * same broker for good.
 */
public final class InProcessKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;
    private final boolean ownsLogDir;

    private InProcessKafka(KafkaRaftServer server, int port, Path logDir, boolean ownsLogDir) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
    }

    /** On a fresh temporary directory, removed at {@link #close()}. */
    public static InProcessKafka start() {
        try {
            return start(Files.createTempDirectory("kariz-test-kafka"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On {@code dataDir}, formatted when empty and kept at {@link #close()}: a later start finds the same data. */
    public static InProcessKafka start(Path dataDir) {
        return start(dataDir.toAbsolutePath(), false);
    }

    private static InProcessKafka start(Path logDir, boolean ownsLogDir) {
        try {
            int port = freePort();
            int controllerPort = freePort();
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setNodeId(1)
                        .setClusterId(Uuid.randomUuid().toString())
                        .setDirectories(List.of(logDir.toString()))
                        .setMetadataLogDirectory(logDir.toString())
                        .setControllerListenerName("CONTROLLER")
                        .run();
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(Map.ofEntries(
                    Map.entry("process.roles", "broker,controller"),
                    Map.entry("node.id", "1"),
                    Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                    Map.entry("listeners",
                            "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                    Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                    Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                    Map.entry("controller.listener.names", "CONTROLLER"),
                    Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                    Map.entry("log.dirs", logDir.toString()),
                    Map.entry("offsets.topic.replication.factor", "1"),
                    Map.entry("offsets.topic.num.partitions", "3"),
                    Map.entry("transaction.state.log.replication.factor", "1"),
                    Map.entry("transaction.state.log.min.isr", "1"),
                    Map.entry("auto.create.topics.enable", "false"),
                    Map.entry("group.initial.rebalance.delay.ms", "0"),
                    Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024))), false),
                    Time.SYSTEM);
            server.startup();
            return new InProcessKafka(server, port, logDir, ownsLogDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The in-process Kafka broker did not start", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (!ownsLogDir) {
            return;
        }
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
