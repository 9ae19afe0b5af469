package app.kariz.mongo.embedded;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every write the store acknowledged is there after {@code kill -9}: a server in a process of its own takes
 * inserts, updates and deletes from four clients, with checkpoints every few hundred kilobytes so some land
 * mid-load, and is killed at a random moment; a new server on the same directory must hold every acknowledged
 * change, with its indexes answering as before.
 */
class KillNineTest {

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedWriteSurvivesKillNineWithCheckpointsUnderWay() throws Exception {
        Random random = new Random();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>(); // _id -> last acknowledged version
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        for (int round = 1; round <= 3; round++) {
            Process server = startServer();
            try {
                int port = readPort(server);
                writeUntilKilled(server, port, round, random, acknowledged, deleted);
            } finally {
                server.destroyForcibly();
            }
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            verify(acknowledged, deleted);
        }
    }

    private Process startServer() throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkariz.embedded-mongo.checkpoint-bytes=300000", "-cp", System.getProperty("java.class.path"),
                DurableServerProcess.class.getName(), data.toString())
                .redirectErrorStream(true).start();
    }

    private static int readPort(Process server) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        ExecutorService drain = Executors.newSingleThreadExecutor();
        try {
            return drain.submit(() -> {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.startsWith("PORT ")) {
                        int port = Integer.parseInt(line.substring(5).trim());
                        Thread drainer = new Thread(() -> output.lines().forEach(any -> { }));
                        drainer.setDaemon(true);
                        drainer.start();
                        return port;
                    }
                }
                throw new IllegalStateException("The server process ended before it listened");
            }).get(60, TimeUnit.SECONDS);
        } finally {
            drain.shutdown();
        }
    }

    private static void writeUntilKilled(Process server, int port, int round, Random random,
                                         Map<String, Integer> acknowledged, Set<String> deleted) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=5000")) {
            MongoCollection<Document> deals = client.getDatabase("kariz_deals").getCollection("deals");
            deals.createIndex(Indexes.ascending("round", "version"));
            for (int c = 0; c < 4; c++) {
                int clientNumber = c;
                running.add(clients.submit(() -> {
                    Random own = new Random(random.nextLong());
                    for (int n = 0; !killed.get(); n++) {
                        String id = "r" + round + "-c" + clientNumber + "-" + n;
                        try {
                            deals.insertOne(new Document("_id", id).append("round", round).append("version", 0)
                                    .append("title", "پیگیری قرارداد " + n).append("padding", "x".repeat(own.nextInt(400))));
                            acknowledged.put(id, 0);
                            if (n > 0 && own.nextInt(3) == 0) {
                                String earlier = "r" + round + "-c" + clientNumber + "-" + own.nextInt(n);
                                if (!deleted.contains(earlier)) {
                                    int version = acknowledged.get(earlier) + 1;
                                    deals.updateOne(Filters.eq("_id", earlier), Updates.set("version", version));
                                    acknowledged.put(earlier, version);
                                }
                            }
                            if (n > 0 && own.nextInt(10) == 0) {
                                String earlier = "r" + round + "-c" + clientNumber + "-" + own.nextInt(n);
                                deleted.add(earlier); // in doubt until acknowledged: then certainly gone
                                deals.deleteOne(Filters.eq("_id", earlier));
                                acknowledged.remove(earlier);
                            }
                        } catch (RuntimeException e) {
                            if (!killed.get()) {
                                throw e;
                            }
                            return; // the server is gone; what was not acknowledged is not promised
                        }
                    }
                }));
            }
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500 + random.nextInt(3000));
            await().atMost(Duration.ofSeconds(30)).until(() -> System.nanoTime() >= until);
            killed.set(true);
            server.destroyForcibly();
            for (java.util.concurrent.Future<?> one : running) {
                one.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private void verify(Map<String, Integer> acknowledged, Set<String> deleted) {
        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.durable(data, 0);
             MongoClient client = MongoClients.create(restarted.connectionString())) {
            MongoCollection<Document> deals = client.getDatabase("kariz_deals").getCollection("deals");
            Map<String, Integer> found = new java.util.HashMap<>();
            for (Document deal : deals.find()) {
                found.put(deal.getString("_id"), deal.getInteger("version"));
            }
            Set<String> lost = new HashSet<>(acknowledged.keySet());
            lost.removeAll(found.keySet());
            // A delete cut off by the kill may have been stored without being answered: in doubt, not lost.
            lost.removeAll(deleted);
            System.out.printf("kill -9: %d acknowledged documents, %d lost, %d found%n", acknowledged.size(),
                    lost.size(), found.size());
            assertThat(lost).as("acknowledged, then lost").isEmpty();
            for (Map.Entry<String, Integer> deal : acknowledged.entrySet()) {
                if (!found.containsKey(deal.getKey())) {
                    continue; // in doubt: a delete of it was under way (checked above)
                }
                // A later update may have reached the store unacknowledged, never an earlier one.
                assertThat(found.get(deal.getKey())).as(deal.getKey()).isGreaterThanOrEqualTo(deal.getValue());
            }
            for (String gone : deleted) {
                if (!acknowledged.containsKey(gone)) {
                    assertThat(found).doesNotContainKey(gone);
                }
            }
            long indexed = deals.countDocuments(Filters.and(Filters.gte("round", 1), Filters.gte("version", 0)));
            assertThat(indexed).isEqualTo(found.size());
        }
        assertThat(data.toFile().list()).anyMatch(name -> name.startsWith("journal-"));
        assertThat(Files.exists(data)).isTrue();
    }

    /**
     * Writes sent with {@code j: false} are answered before they are on disk, so a crash may take back the last of
     * them, but only as MongoDB would: what survives is a prefix of them, and every one answered before a
     * journaled write began is as safe as that write (the journal is written in order).
     */
    @Test
    void unjournaledWritesSurviveAsAPrefixUpToTheLastJournaledWriteAfterThem() throws Exception {
        Process server = startServer();
        int lastJournaled = -1;
        int lastUnjournaled = -1;
        try {
            int port = readPort(server);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                    + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=5000")) {
                MongoCollection<Document> tokens = client.getDatabase("kariz_deals").getCollection("tokens")
                        .withWriteConcern(WriteConcern.W1.withJournal(false));
                MongoCollection<Document> events = client.getDatabase("kariz_deals").getCollection("events");
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000 + new Random().nextInt(2000));
                for (int n = 0; System.nanoTime() < until; n++) {
                    tokens.insertOne(new Document("_id", n));
                    lastUnjournaled = n;
                    // Several unjournaled writes per journaled one, as a tracking processor writes its token.
                    if (n % 5 == 0) {
                        events.insertOne(new Document("_id", n));
                        lastJournaled = n;
                    }
                }
                // The last unjournaled writes wait for the background flush or the next journaled write.
                server.destroyForcibly();
            }
        } finally {
            server.destroyForcibly();
        }
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lastJournaled).as("the load ran").isGreaterThan(100);

        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.durable(data, 0);
             MongoClient client = MongoClients.create(restarted.connectionString())) {
            List<Integer> tokens = new ArrayList<>();
            client.getDatabase("kariz_deals").getCollection("tokens").find().sort(new Document("_id", 1))
                    .forEach(token -> tokens.add(token.getInteger("_id")));
            long events = client.getDatabase("kariz_deals").getCollection("events").countDocuments();
            System.out.printf("kill -9 with unjournaled writes: %d of %d survived, journaled up to %d%n",
                    tokens.size(), lastUnjournaled + 1, lastJournaled);
            assertThat(events).isEqualTo(lastJournaled / 5 + 1);
            assertThat(tokens).as("a prefix, with no gap").containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, tokens.size()).boxed().toList());
            assertThat(tokens.size()).as("every one written before the last journaled write")
                    .isGreaterThan(lastJournaled);
        }
    }
}
