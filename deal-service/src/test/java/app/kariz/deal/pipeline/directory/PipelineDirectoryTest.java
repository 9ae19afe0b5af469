package app.kariz.deal.pipeline.directory;

import app.kariz.deal.pipeline.directory.PipelineDirectory.PipelineView;
import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineDeleted;
import app.kariz.events.pipeline.PipelineRenamed;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.events.pipeline.StageAdded;
import app.kariz.events.pipeline.StageRemoved;
import app.kariz.events.pipeline.StageUpdated;
import app.kariz.events.pipeline.StagesReordered;
import app.kariz.support.consistency.AppliedSignal;
import app.kariz.testing.mongo.InProcessMongo;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineDirectoryTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final String ORG = "org-1";
    private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");

    private MongoDatabase database;
    private PipelineDirectory directory;

    @BeforeEach
    void setUp() {
        database = MONGO.freshDatabase("pipeline_directory_test");
        directory = new PipelineDirectory(database, new AppliedSignal());
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    private static PipelineCreated created() {
        return new PipelineCreated(ORG, "p1", "فروش", List.of(new PipelineStage("s1", "سرنخ", 0, null),
                new PipelineStage("s2", "جلسه", 1, 7), new PipelineStage("s3", "پیشنهاد", 2, null)), T, "manager");
    }

    private PipelineView pipeline() {
        return directory.find(ORG, "p1").orElseThrow();
    }

    @Test
    void aCreatedPipelineHasItsStagesInOrder() {
        directory.on(created(), 0);

        assertThat(pipeline().stages()).containsExactly(new PipelineStage("s1", "سرنخ", 0, null),
                new PipelineStage("s2", "جلسه", 1, 7), new PipelineStage("s3", "پیشنهاد", 2, null));
        assertThat(directory.findByStage(ORG, "s2").map(PipelineView::id)).contains("p1");
        assertThat(directory.find("org-2", "p1")).isEmpty();
        assertThat(directory.appliedSequence("p1")).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void renamingChangesTheName() {
        directory.on(created(), 0);
        directory.on(new PipelineRenamed(ORG, "p1", "فروش شرکتی", T, "manager"), 1);

        assertThat(pipeline().name()).isEqualTo("فروش شرکتی");
    }

    @Test
    void anAddedStageTakesItsPlaceAndTheOthersAreRenumbered() {
        directory.on(created(), 0);
        directory.on(new StageAdded(ORG, "p1", "s4", "مذاکره", 14, List.of("s1", "s4", "s2", "s3"), T, "m"), 1);

        assertThat(pipeline().stages()).containsExactly(new PipelineStage("s1", "سرنخ", 0, null),
                new PipelineStage("s4", "مذاکره", 1, 14), new PipelineStage("s2", "جلسه", 2, 7),
                new PipelineStage("s3", "پیشنهاد", 3, null));
        assertThat(directory.findByStage(ORG, "s4").map(PipelineView::id)).contains("p1");
    }

    @Test
    void anUpdatedStageKeepsItsPlace() {
        directory.on(created(), 0);
        directory.on(new StageUpdated(ORG, "p1", "s2", "جلسه معرفی", null, T, "m"), 1);

        assertThat(pipeline().stages().get(1)).isEqualTo(new PipelineStage("s2", "جلسه معرفی", 1, null));
    }

    @Test
    void reorderedStagesFollowTheNewOrder() {
        directory.on(created(), 0);
        directory.on(new StagesReordered(ORG, "p1", List.of("s3", "s1", "s2"), T, "m"), 1);

        assertThat(pipeline().stages()).containsExactly(new PipelineStage("s3", "پیشنهاد", 0, null),
                new PipelineStage("s1", "سرنخ", 1, null), new PipelineStage("s2", "جلسه", 2, 7));
    }

    @Test
    void aRemovedStageIsNoLongerFound() {
        directory.on(created(), 0);
        directory.on(new StageRemoved(ORG, "p1", "s1", "s2", List.of("s2", "s3"), T, "m"), 1);

        assertThat(pipeline().stages()).containsExactly(new PipelineStage("s2", "جلسه", 0, 7),
                new PipelineStage("s3", "پیشنهاد", 1, null));
        assertThat(directory.findByStage(ORG, "s1")).isEmpty();
    }

    @Test
    void aDeletedPipelineIsFoundByNoQueryButRemainsKnown() {
        directory.on(created(), 0);
        directory.on(new PipelineDeleted(ORG, "p1", T, "m"), 1);

        assertThat(directory.find(ORG, "p1")).isEmpty();
        assertThat(directory.findByStage(ORG, "s1")).isEmpty();
        assertThat(directory.all(ORG)).isEmpty();
        assertThat(directory.isKnown("p1")).isTrue();
        assertThat(directory.appliedSequence("p1")).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void applyingEventsAgainChangesNothing() {
        StageAdded added = new StageAdded(ORG, "p1", "s4", "مذاکره", null, List.of("s1", "s2", "s3", "s4"), T, "m");
        StageRemoved removed = new StageRemoved(ORG, "p1", "s4", null, List.of("s1", "s2", "s3"), T, "m");
        directory.on(created(), 0);
        directory.on(added, 1);
        directory.on(removed, 2);
        directory.on(created(), 0);
        directory.on(added, 1);

        assertThat(pipeline().stages()).extracting(PipelineStage::stageId).containsExactly("s1", "s2", "s3");
        assertThat(directory.appliedSequence("p1")).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void anOlderEventAfterANewerOneChangesNothing() {
        directory.on(created(), 0);
        directory.on(new PipelineRenamed(ORG, "p1", "second", T, "m"), 2);
        directory.on(new PipelineRenamed(ORG, "p1", "first", T, "m"), 1);

        assertThat(pipeline().name()).isEqualTo("second");
    }

    @Test
    void pipelinesRecordedBeforeVersionsExistedStillTakeUpdates() {
        database.getCollection("pipelines").insertOne(new Document("_id", "p1").append("organizationId", ORG)
                .append("name", "Sales").append("stages", List.of(new Document("stageId", "s1")
                        .append("name", "Lead").append("order", 0).append("rottenAfterDays", null))));

        assertThat(directory.find(ORG, "p1")).isPresent();
        directory.on(new StageAdded(ORG, "p1", "s2", "Won", null, List.of("s1", "s2"), T, "m"), 1);

        assertThat(pipeline().stages()).extracting(PipelineStage::name).containsExactly("Lead", "Won");
    }
}
