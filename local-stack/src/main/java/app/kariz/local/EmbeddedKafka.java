package app.kariz.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (combined broker and controller, node id 1) running in this JVM,
 * listening on 127.0.0.1 only, with its log and metadata in one data directory that survives restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Brokers started and not yet closed in this JVM; guarded by the class. */
    private static int running;

    private final KafkaRaftServer server;
    private final int brokerPort;
    private final FileChannel dataDirLock;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, int brokerPort, FileChannel dataDirLock) {
        this.server = server;
        this.brokerPort = brokerPort;
        this.dataDirLock = dataDirLock;
    }

    /**
     * Starts the broker, formatting {@code dataDir} first if it has never been used. Returns once the
     * broker is registered, caught up with the metadata log and accepting clients.
     *
     * @param brokerPort the client port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedKafka start(Path dataDir, int brokerPort) {
        Path logDir = dataDir.toAbsolutePath();
        int port = brokerPort == 0 ? freePort() : brokerPort;
        // The voter set comes from configuration (static quorum, kraft.version 0) and is not stored in
        // the data directory, so the controller may get a different port on every start.
        int controllerPort = freePort();
        KafkaConfig config = new KafkaConfig(brokerProperties(logDir, port, controllerPort), false);

        FileChannel lock = lockDataDir(logDir);
        interceptJvmExit();
        KafkaRaftServer server = null;
        try {
            formatIfNew(logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, port, lock);
        } catch (RuntimeException e) {
            try {
                if (server != null) {
                    server.shutdown();
                    server.awaitShutdown();
                }
            } finally {
                restoreJvmExit();
                release(lock);
            }
            throw new IllegalStateException("Embedded Kafka could not start on 127.0.0.1:" + port
                    + " with data in " + logDir, e);
        }
    }

    /** The bootstrap servers for clients, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Stops the broker and waits until its threads are gone and its logs are flushed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            restoreJvmExit();
            release(dataDirLock);
        }
    }

    private static Map<String, String> brokerProperties(Path logDir, int port, int controllerPort) {
        // Values as strings: a typed value must match its ConfigDef type exactly (a Short, not an Integer).
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());

        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Events are kept forever.
        props.put("log.retention.ms", "-1");
        props.put("log.retention.bytes", "-1");
        // The cleaner (for compacted internal topics) otherwise allocates a 128 MB heap buffer up front.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        props.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        return props;
    }

    /**
     * Kafka locks the directory only when the broker half starts, after the controller half has already
     * opened the metadata log in it: a second instance on the same directory would briefly write there.
     */
    private static FileChannel lockDataDir(Path logDir) {
        try {
            Files.createDirectories(logDir);
            FileChannel channel = FileChannel.open(logDir.resolve("embedded-kafka.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() != null) {
                    return channel;
                }
            } catch (OverlappingFileLockException heldByThisJvm) {
                // same answer as a lock held by another process
            }
            channel.close();
            throw new IllegalStateException(logDir + " is in use by another embedded Kafka broker");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + logDir, e);
        }
    }

    private static void release(FileChannel lock) {
        try {
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void formatIfNew(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir, e);
        }
    }

    /**
     * Kafka halts or exits the process on faults it considers fatal. In a JVM that hosts the whole
     * local stack, turn that into a logged exception instead, so the owner of the JVM decides.
     */
    private static synchronized void interceptJvmExit() {
        if (running++ == 0) {
            Exit.setExitProcedure((status, message) -> refuseJvmExit("exit", status, message));
            Exit.setHaltProcedure((status, message) -> refuseJvmExit("halt", status, message));
        }
    }

    private static void refuseJvmExit(String kind, int status, String message) {
        log.error("Embedded Kafka asked to {} the JVM with status {}: {}", kind, status, message);
        throw new IllegalStateException("Embedded Kafka tried to " + kind + " the JVM (status " + status + "): " + message);
    }

    private static synchronized void restoreJvmExit() {
        if (--running == 0) {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
