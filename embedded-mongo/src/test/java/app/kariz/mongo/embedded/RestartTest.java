package app.kariz.mongo.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {

    private static final String PERSIAN_TITLE = "قرار جلسه هفته بعد";

    @TempDir
    Path dir;

    @Test
    void documentsAndUniqueIndexesSurviveARestart() {
        Path data = dir.resolve("mongo");

        long started = System.nanoTime();
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.durable(data, 0)) {
            System.out.printf("EmbeddedMongoServer first start: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertThat(mongo.connectionString()).matches("mongodb://127\\.0\\.0\\.1:\\d+");
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> notes = notes(client);
                notes.insertOne(new Document("_id", "note-1").append("slug", "next-week").append("title", PERSIAN_TITLE));
                notes.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true).name("slug_unique"));

                assertDuplicateSlugRejected(notes);
            }
        }
        assertThat(data).isDirectoryContaining("glob:**/snapshot-*.bin");

        started = System.nanoTime();
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.durable(data, 0)) {
            System.out.printf("EmbeddedMongoServer restart: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> notes = notes(client);
                assertThat(notes.countDocuments()).isEqualTo(1);
                Document note = notes.find(Filters.eq("_id", "note-1")).first();
                assertThat(note).isNotNull();
                assertThat(note.getString("title")).isEqualTo(PERSIAN_TITLE);

                assertDuplicateSlugRejected(notes);
            }
        }
    }

    private static void assertDuplicateSlugRejected(MongoCollection<Document> notes) {
        assertThatThrownBy(() -> notes.insertOne(new Document("_id", "note-2").append("slug", "next-week")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static MongoCollection<Document> notes(MongoClient client) {
        return client.getDatabase("kariz").getCollection("notes");
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefusedWhileTheFirstIsOpen() {
        Path data = dir.resolve("mongo");
        try (EmbeddedMongoServer first = EmbeddedMongoServer.durable(data, 0)) {
            try (MongoClient client = MongoClients.create(first.connectionString())) {
                notes(client).insertOne(new Document("_id", "note-1").append("title", PERSIAN_TITLE));
            }
            assertThatThrownBy(() -> EmbeddedMongoServer.durable(data, 0))
                    .hasMessageContaining("in use by another process");
        }
        try (EmbeddedMongoServer again = EmbeddedMongoServer.durable(data, 0);
             MongoClient client = MongoClients.create(again.connectionString())) {
            assertThat(notes(client).find().first()).containsEntry("title", PERSIAN_TITLE);
        }
    }
}
