package app.kariz.deal.directory;

import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import app.kariz.support.consistency.AppliedSignal;
import app.kariz.testing.mongo.InProcessMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class DealDirectoryTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final String ORG = "org-1";
    private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");

    private DealDirectory directory;

    @BeforeEach
    void setUp() {
        directory = new DealDirectory(MONGO.freshDatabase("deal_directory_test"), new AppliedSignal());
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    private static DealOpened opened(String dealId, String organizationId, String pipelineId, String stageId) {
        return new DealOpened(organizationId, dealId, pipelineId, stageId, "title", null, "owner", null, null, null,
                T, "user");
    }

    private static DealMoved moved(String dealId, String fromPipeline, String fromStage, String toPipeline,
                                   String toStage) {
        return new DealMoved(ORG, dealId, fromPipeline, fromStage, toPipeline, toStage, T, T, "user");
    }

    @Test
    void anOpenedDealIsOnItsStageAndPipeline() {
        directory.on(opened("d1", ORG, "p1", "s1"), 0);
        directory.on(opened("d2", ORG, "p1", "s2"), 0);

        assertThat(directory.dealsOnStage(ORG, "s1")).containsExactly("d1");
        assertThat(directory.countOnPipeline(ORG, "p1")).isEqualTo(2);
        assertThat(directory.appliedSequence("d1")).isEqualTo(OptionalLong.of(0));
        assertThat(directory.appliedSequence("unknown")).isEmpty();
    }

    @Test
    void anotherOrganisationsDealsAreNotCounted() {
        directory.on(opened("d1", "org-2", "p1", "s1"), 0);

        assertThat(directory.dealsOnStage(ORG, "s1")).isEmpty();
        assertThat(directory.countOnPipeline(ORG, "p1")).isZero();
    }

    @Test
    void aMoveToAnotherPipelineTakesTheDealOffTheFirst() {
        directory.on(opened("d1", ORG, "p1", "s1"), 0);
        directory.on(moved("d1", "p1", "s1", "p2", "s9"), 1);

        assertThat(directory.dealsOnStage(ORG, "s1")).isEmpty();
        assertThat(directory.countOnPipeline(ORG, "p1")).isZero();
        assertThat(directory.dealsOnStage(ORG, "s9")).containsExactly("d1");
        assertThat(directory.countOnPipeline(ORG, "p2")).isEqualTo(1);
    }

    @Test
    void wonAndLostDealsStillCountButDeletedOnesDoNot() {
        directory.on(opened("won", ORG, "p1", "s1"), 0);
        directory.on(new DealWon(ORG, "won", T, "user"), 1);
        directory.on(opened("lost", ORG, "p1", "s1"), 0);
        directory.on(new DealLost(ORG, "lost", "price", T, "user"), 1);
        directory.on(new DealReopened(ORG, "lost", T, "user"), 2);
        directory.on(opened("deleted", ORG, "p1", "s1"), 0);
        directory.on(new DealDeleted(ORG, "deleted", T, "user"), 1);

        assertThat(directory.dealsOnStage(ORG, "s1")).containsExactlyInAnyOrder("won", "lost");
        assertThat(directory.countOnPipeline(ORG, "p1")).isEqualTo(2);
        assertThat(directory.appliedSequence("deleted")).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void applyingAnEventAgainChangesNothing() {
        DealOpened opened = opened("d1", ORG, "p1", "s1");
        directory.on(opened, 0);
        directory.on(moved("d1", "p1", "s1", "p1", "s2"), 1);
        directory.on(opened, 0);
        directory.on(moved("d1", "p1", "s1", "p1", "s2"), 1);

        assertThat(directory.dealsOnStage(ORG, "s2")).containsExactly("d1");
        assertThat(directory.dealsOnStage(ORG, "s1")).isEmpty();
        assertThat(directory.appliedSequence("d1")).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void anOlderEventAfterANewerOneChangesNothing() {
        directory.on(opened("d1", ORG, "p1", "s1"), 0);
        directory.on(moved("d1", "p1", "s1", "p1", "s2"), 1);
        directory.on(new DealDeleted(ORG, "d1", T, "user"), 2);
        directory.on(moved("d1", "p1", "s1", "p1", "s2"), 1);

        assertThat(directory.dealsOnStage(ORG, "s2")).isEmpty();
        assertThat(directory.appliedSequence("d1")).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void anEditMovesNothingButCountsAsApplied() {
        DealFields fields = new DealFields("title", null, "owner", null, null, null);
        directory.on(opened("d1", ORG, "p1", "s1"), 0);
        directory.on(new DealUpdated(ORG, "d1", fields, fields, List.of(), T, "user"), 1);

        assertThat(directory.dealsOnStage(ORG, "s1")).containsExactly("d1");
        assertThat(directory.appliedSequence("d1")).isEqualTo(OptionalLong.of(1));
    }
}
