package app.kariz.mongo.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes may only change how fast a query is answered, never what it answers: generated documents and
 * generated queries of the shapes Kariz's services send, answered by the indexed server and by the same query
 * engine without indexes (mongo-java-server's own memory backend), must agree — after inserts, updates,
 * deletes and a restart on the same data.
 */
class DifferentialQueryTest {

    private static final List<String> ORGANIZATIONS = List.of("org-a", "org-b", "org-c");
    private static final List<String> STATUSES = List.of("OPEN", "WON", "LOST");
    private static final List<String> STAGES = List.of("s1", "s2", "s3", "s4");
    private static final List<String> OWNERS = List.of("u1", "u2", "u3");
    private static final Instant EPOCH = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path data;

    private final Random random = new Random(20261207);
    private final List<AutoCloseable> open = new ArrayList<>();
    private MongoCollection<Document> reference;
    private MongoCollection<Document> indexed;
    private int nextId;

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void inMemoryAnswersExactlyAsTheEngineWithoutIndexes() {
        connect(EmbeddedMongoServer.inMemory());
        exercise(false);
    }

    @Test
    void durableAnswersExactlyAsTheEngineWithoutIndexesAlsoAfterARestart() {
        connect(EmbeddedMongoServer.durable(data, 0));
        exercise(true);
    }

    private void exercise(boolean restart) {
        createIndexes(indexed);
        createIndexes(reference); // the reference ignores all but the unique ones, as real MongoDB would not
        insert(1500);
        compareGeneratedQueries(400);
        updateSome(500);
        deleteSome(200);
        compareGeneratedQueries(400);
        if (restart) {
            reopen();
            compareGeneratedQueries(300);
            insert(300);
            updateSome(100);
            compareGeneratedQueries(300);
        }
    }

    private void connect(EmbeddedMongoServer server) {
        open.add(server);
        MongoClient indexedClient = MongoClients.create(server.connectionString());
        open.add(indexedClient);
        indexed = indexedClient.getDatabase("kariz_test").getCollection("cards");
        MongoServer plain = new MongoServer(new MemoryBackend());
        open.add(plain::shutdownNow);
        MongoClient referenceClient = MongoClients.create(plain.bindAndGetConnectionString());
        open.add(referenceClient);
        reference = referenceClient.getDatabase("kariz_test").getCollection("cards");
    }

    private void reopen() {
        // Closing the client and server, then opening the same directory again, as a restart does.
        for (int i = 0; i < 2; i++) {
            try {
                open.remove(0).close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.durable(data, 0);
        open.add(0, server);
        MongoClient client = MongoClients.create(server.connectionString());
        open.add(1, client);
        indexed = client.getDatabase("kariz_test").getCollection("cards");
        assertThat(indexed.countDocuments()).isEqualTo(reference.countDocuments());
    }

    private static void createIndexes(MongoCollection<Document> cards) {
        cards.createIndex(Indexes.ascending("organizationId", "pipelineId", "status", "stageId", "overdueAt",
                "createdAt", "_id"), new IndexOptions().name("board_order"));
        cards.createIndex(Indexes.compoundIndex(Indexes.ascending("organizationId", "status"),
                Indexes.descending("createdAt", "_id")), new IndexOptions().name("deals_newest"));
        cards.createIndex(Indexes.ascending("organizationId", "ownerId", "status", "overdueAt", "createdAt", "_id"),
                new IndexOptions().name("deals_by_indicator_by_owner"));
        cards.createIndex(Indexes.ascending("dealId", "seq"), new IndexOptions().name("deal_seq").unique(true));
        cards.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
        cards.createIndex(Indexes.ascending("due.date", "amount"), new IndexOptions().name("due_amount"));
        cards.createIndex(Indexes.ascending("timestamp", "seq"), new IndexOptions().name("tracking"));
    }

    private void insert(int count) {
        for (int i = 0; i < count; i++) {
            Document card = generated();
            indexed.insertOne(card);
            reference.insertOne(new Document(card));
        }
    }

    private Document generated() {
        int id = nextId++;
        Document card = new Document("_id", "deal-" + id)
                .append("organizationId", pick(ORGANIZATIONS))
                .append("pipelineId", "p" + random.nextInt(2))
                .append("status", pick(STATUSES))
                .append("stageId", pick(STAGES))
                .append("dealId", "d" + (id % 400))
                .append("seq", id / 400)
                .append("createdAt", java.util.Date.from(EPOCH.plusSeconds(random.nextInt(5000))))
                .append("timestamp", "2026-12-0" + (1 + random.nextInt(5)) + "T0" + random.nextInt(10) + ":00:00Z");
        if (random.nextInt(5) > 0) {
            card.append("ownerId", pick(OWNERS));
        }
        switch (random.nextInt(4)) {
            case 0 -> { } // no overdueAt at all
            case 1 -> card.append("overdueAt", null);
            default -> card.append("overdueAt", java.util.Date.from(EPOCH.plusSeconds(random.nextInt(5000))));
        }
        switch (random.nextInt(4)) {
            case 0 -> card.append("amount", random.nextInt(100));
            case 1 -> card.append("amount", (long) random.nextInt(100));
            case 2 -> card.append("amount", random.nextInt(100) + 0.5);
            default -> { }
        }
        if (random.nextBoolean()) {
            card.append("due", new Document("date", "2026-12-0" + (1 + random.nextInt(9))));
        }
        if (random.nextInt(3) == 0) {
            List<String> tags = new ArrayList<>();
            for (int t = random.nextInt(3); t > 0; t--) {
                tags.add("t" + random.nextInt(5));
            }
            card.append("tags", tags);
        } else if (random.nextBoolean()) {
            card.append("tags", "t" + random.nextInt(5));
        }
        return card;
    }

    private void updateSome(int count) {
        for (int i = 0; i < count; i++) {
            Bson filter = Filters.eq("_id", "deal-" + random.nextInt(nextId));
            Bson update = switch (random.nextInt(4)) {
                case 0 -> Updates.set("stageId", pick(STAGES));
                case 1 -> Updates.set("overdueAt", random.nextBoolean() ? null
                        : java.util.Date.from(EPOCH.plusSeconds(random.nextInt(5000))));
                case 2 -> Updates.combine(Updates.set("status", pick(STATUSES)), Updates.inc("amount", 1));
                default -> Updates.unset("ownerId");
            };
            if (random.nextInt(5) == 0) {
                filter = Filters.and(Filters.eq("organizationId", pick(ORGANIZATIONS)), Filters.eq("status", "OPEN"));
                indexed.updateMany(filter, update);
                reference.updateMany(filter, update);
            } else {
                indexed.updateOne(filter, update);
                reference.updateOne(filter, update);
            }
        }
    }

    private void deleteSome(int count) {
        for (int i = 0; i < count; i++) {
            Bson filter = random.nextInt(10) == 0
                    ? Filters.and(Filters.eq("organizationId", pick(ORGANIZATIONS)), Filters.eq("stageId", pick(STAGES)),
                    Filters.eq("status", "LOST"))
                    : Filters.eq("_id", "deal-" + random.nextInt(nextId));
            assertThat(indexed.deleteMany(filter).getDeletedCount())
                    .isEqualTo(reference.deleteMany(filter).getDeletedCount());
        }
    }

    private void compareGeneratedQueries(int count) {
        for (int i = 0; i < count; i++) {
            Bson filter = generatedFilter();
            Bson sort = random.nextInt(3) == 0 ? null : generatedSort();
            int skip = random.nextInt(4) == 0 ? random.nextInt(20) : 0;
            int limit = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(60);
            // Read in batches, as Axon's tracking query reads (no limit): the rest comes with each getMore.
            int batch = random.nextInt(3) == 0 ? 1 + random.nextInt(25) : 0;
            String shape = "filter " + filter + " sort " + sort + " skip " + skip + " limit " + limit + " batch " + batch;
            if (sort != null) {
                assertThat(ids(indexed, filter, sort, skip, limit, batch)).as(shape)
                        .containsExactlyElementsOf(ids(reference, filter, sort, skip, limit, 0));
            } else {
                List<Object> all = ids(reference, filter, null, 0, 0, 0);
                List<Object> answered = ids(indexed, filter, null, skip, limit, batch);
                // Without a sort the order is the server's to choose (real MongoDB too): compare what, not how.
                assertThat(answered).as(shape).hasSize(expectedSize(all.size(), skip, limit));
                assertThat(new HashSet<>(all)).as(shape).containsAll(answered);
                if (skip == 0 && limit == 0) {
                    assertThat(new HashSet<>(answered)).as(shape).isEqualTo(new HashSet<>(all));
                }
            }
            assertThat(indexed.countDocuments(filter)).as("count " + shape).isEqualTo(reference.countDocuments(filter));
            List<Bson> pipeline = List.of(Aggregates.match(filter), Aggregates.group("$stageId", Accumulators.sum("n", 1)),
                    Aggregates.sort(Sorts.ascending("_id")));
            assertThat(indexed.aggregate(pipeline).into(new ArrayList<>())).as("aggregate " + shape)
                    .isEqualTo(reference.aggregate(pipeline).into(new ArrayList<>()));
        }
    }

    private static int expectedSize(int all, int skip, int limit) {
        int remaining = Math.max(0, all - skip);
        return limit > 0 ? Math.min(limit, remaining) : remaining;
    }

    private static List<Object> ids(MongoCollection<Document> cards, Bson filter, Bson sort, int skip, int limit,
                                    int batch) {
        var find = cards.find(filter).skip(skip).limit(limit);
        if (batch > 0) {
            find = find.batchSize(batch);
        }
        if (sort != null) {
            find = find.sort(sort);
        }
        List<Object> ids = new ArrayList<>();
        for (Document card : find) {
            ids.add(card.get("_id"));
        }
        return ids;
    }

    private Bson generatedFilter() {
        List<Bson> conditions = new ArrayList<>();
        String organization = pick(ORGANIZATIONS);
        switch (random.nextInt(9)) {
            case 0 -> { // the board's column
                conditions.add(Filters.eq("organizationId", organization));
                conditions.add(Filters.eq("pipelineId", "p" + random.nextInt(2)));
                conditions.add(Filters.eq("status", "OPEN"));
                conditions.add(Filters.eq("stageId", pick(STAGES)));
                if (random.nextBoolean()) {
                    conditions.add(timeRange("overdueAt"));
                }
            }
            case 1 -> { // a board filtered by owners, or a paged list after a cursor
                conditions.add(Filters.eq("organizationId", organization));
                conditions.add(Filters.in("ownerId", pick(OWNERS), pick(OWNERS)));
                conditions.add(Filters.in("status", "OPEN", pick(STATUSES)));
                if (random.nextBoolean()) {
                    conditions.add(Filters.lt("createdAt", java.util.Date.from(EPOCH.plusSeconds(random.nextInt(5000)))));
                }
            }
            case 2 -> { // an event stream read in order: aggregate id and a sequence range
                conditions.add(Filters.eq("dealId", "d" + random.nextInt(400)));
                conditions.add(random.nextBoolean() ? Filters.gte("seq", random.nextInt(4))
                        : Filters.lt("seq", random.nextInt(5)));
            }
            case 3 -> { // _id inside an $and, the shape of the view's in-order updates
                conditions.add(Filters.eq("_id", "deal-" + random.nextInt(Math.max(1, nextId))));
                conditions.add(Filters.lt("seq", random.nextInt(6)));
            }
            case 4 -> { // tracking: a timestamp range with exclusions
                conditions.add(Filters.gte("timestamp", "2026-12-0" + (1 + random.nextInt(5))));
                conditions.add(Filters.nin("_id", "deal-1", "deal-2", "deal-" + random.nextInt(Math.max(1, nextId))));
            }
            case 5 -> { // nested keys and mixed number types
                conditions.add(Filters.eq("due.date", "2026-12-0" + (1 + random.nextInt(9))));
                if (random.nextBoolean()) {
                    conditions.add(Filters.gt("amount", random.nextInt(100)));
                }
            }
            case 6 -> { // arrays and scalars under one key
                conditions.add(random.nextBoolean() ? Filters.eq("tags", "t" + random.nextInt(5))
                        : Filters.in("tags", "t" + random.nextInt(5), "t" + random.nextInt(5)));
            }
            case 7 -> { // missing and null
                conditions.add(Filters.eq("organizationId", organization));
                conditions.add(random.nextBoolean() ? Filters.eq("ownerId", null) : Filters.eq("overdueAt", null));
            }
            default -> { // conditions no index bounds
                conditions.add(Filters.or(Filters.eq("stageId", pick(STAGES)), Filters.exists("ownerId", false)));
                if (random.nextBoolean()) {
                    conditions.add(Filters.ne("status", pick(STATUSES)));
                }
            }
        }
        return random.nextInt(3) == 0 && conditions.size() > 1
                ? new Document("$and", conditions.stream().map(Bson::toBsonDocument).toList())
                : Filters.and(conditions);
    }

    private Bson timeRange(String field) {
        java.util.Date at = java.util.Date.from(EPOCH.plusSeconds(random.nextInt(5000)));
        return switch (random.nextInt(3)) {
            case 0 -> Filters.lt(field, at);
            case 1 -> Filters.gte(field, at);
            default -> Filters.and(Filters.gt(field, at), Filters.lte(field, java.util.Date.from(at.toInstant().plusSeconds(2000))));
        };
    }

    private Bson generatedSort() {
        return pickSupplier(List.of(
                () -> Sorts.ascending("overdueAt", "createdAt", "_id"),
                () -> Sorts.descending("createdAt", "_id"),
                () -> Sorts.ascending("createdAt", "_id"),
                () -> Sorts.orderBy(Sorts.ascending("seq"), Sorts.ascending("_id")),
                () -> Sorts.orderBy(Sorts.ascending("timestamp", "seq"), Sorts.ascending("_id")),
                () -> Sorts.orderBy(Sorts.descending("amount"), Sorts.ascending("_id")),
                () -> Sorts.ascending("_id"),
                () -> Sorts.descending("_id")));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pickSupplier(List<Supplier<T>> values) {
        return pick(values).get();
    }

    @SuppressWarnings("unused")
    private static Set<Object> set(List<Object> ids) {
        return new HashSet<>(ids);
    }
}
