package app.kariz.view.stream;

import app.kariz.testing.mongo.InProcessMongo;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class BoardChangeLogTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private MongoDatabase database;

    @BeforeEach
    void emptyDatabase() {
        database = MONGO.freshDatabase("board_change_log_test");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void writersInSeveralInstancesGetOneGaplessOrder() throws Exception {
        // Two instances of the service, each writing from two threads at once.
        List<BoardChangeLog> instances = List.of(BoardChangeLog.in(database), BoardChangeLog.in(database));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Callable<List<Long>>> writers = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            BoardChangeLog log = instances.get(writer % 2);
            String dealId = "deal-" + writer;
            writers.add(() -> {
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    seqs.add(log.recordCard("org-1", dealId, null));
                }
                return seqs;
            });
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> written : threads.invokeAll(writers)) {
            all.addAll(written.get());
        }
        threads.shutdown();

        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        BoardChangeLog.Head head = BoardChangeLog.in(database).head();
        assertThat(head.seq()).isEqualTo(200);
        List<BoardChange> changes = BoardChangeLog.in(database).changesAfter(0, head).orElseThrow();
        assertThat(changes).extracting(BoardChange::seq).containsExactlyElementsOf(all.stream().sorted().toList());
        Set<String> deals = new HashSet<>();
        changes.forEach(change -> deals.add(change.dealId()));
        assertThat(deals).containsExactlyInAnyOrder("deal-0", "deal-1", "deal-2", "deal-3");
    }

    @Test
    void changesRecordedTogetherBySeveralWritersAreEachRecordedOnceWithoutHolesInEachWritersOrder() throws Exception {
        List<BoardChangeLog> instances = List.of(BoardChangeLog.in(database), BoardChangeLog.in(database));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            BoardChangeLog log = instances.get(writer % 2);
            String prefix = "writer-" + writer + "-";
            writers.add(() -> {
                for (int batch = 0; batch < 20; batch++) {
                    List<BoardChangeLog.Change> changes = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        changes.add(BoardChangeLog.Change.ofCard("org-1", prefix + (batch * 5 + i), null, null));
                    }
                    log.record(changes);
                }
                return null;
            });
        }
        for (Future<Void> written : threads.invokeAll(writers)) {
            written.get();
        }
        threads.shutdown();

        BoardChangeLog.Head head = BoardChangeLog.in(database).head();
        assertThat(head.seq()).isEqualTo(400);
        List<BoardChange> changes = BoardChangeLog.in(database).changesAfter(0, head).orElseThrow();
        assertThat(changes).extracting(BoardChange::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
        for (int writer = 0; writer < 4; writer++) {
            String prefix = "writer-" + writer + "-";
            assertThat(changes.stream().map(BoardChange::dealId).filter(id -> id.startsWith(prefix)))
                    .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> prefix + i).toList());
        }
    }

    @Test
    void changesRecordedTogetherPastTheCapacityStillLeaveTheLastOnesReadable() {
        BoardChangeLog log = BoardChangeLog.in(database);
        log.create(10);
        for (int batch = 0; batch < 30; batch++) {
            List<BoardChangeLog.Change> changes = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                changes.add(BoardChangeLog.Change.ofCard("org-1", "deal-" + (batch * 10 + i), null, null));
            }
            assertThat(log.record(changes)).isEqualTo(batch * 10 + 10);
        }

        assertThat(database.getCollection(BoardChangeLog.COLLECTION).countDocuments()).isBetween(11L, 11L + 64);
        assertThat(log.changesAfter(295, log.head())).hasValueSatisfying(changes -> assertThat(changes)
                .extracting(BoardChange::dealId).containsExactly("deal-296", "deal-297", "deal-298", "deal-299",
                        "deal-300"));
    }

    @Test
    void onlyTheLastChangesUpToTheCapacityCanBeReadBack() {
        BoardChangeLog log = BoardChangeLog.in(database);
        log.create(3);
        for (int i = 1; i <= 4; i++) {
            log.recordCard("org-1", "deal-" + i, i == 4 ? "pipeline-1" : null);
        }
        log.recordPipeline("org-1", "pipeline-2");
        BoardChangeLog.Head head = log.head();

        assertThat(log.changesAfter(1, head)).isEmpty();
        assertThat(log.changesAfter(2, head)).hasValueSatisfying(changes -> assertThat(changes).containsExactly(
                BoardChange.ofCard(3, "org-1", "deal-3", null), BoardChange.ofCard(4, "org-1", "deal-4", "pipeline-1"),
                BoardChange.ofPipeline(5, "org-1", "pipeline-2")));
        assertThat(log.changesAfter(5, head)).hasValue(List.of());
    }

    @Test
    void aNewLogHasANewEpoch() {
        BoardChangeLog.Head first = BoardChangeLog.in(database).head();
        database.drop();
        BoardChangeLog.Head second = BoardChangeLog.in(database).head();

        assertThat(first.seq()).isZero();
        assertThat(second.epoch()).isNotEqualTo(first.epoch());
        assertThat(second.epoch()).matches("[0-9a-f]{12}");
    }

    @Test
    void aWriterThatWroteBeforeANewEpochRecordsItsNextChangeAsTheFirstOfTheNewEpoch() {
        BoardChangeLog writer = BoardChangeLog.in(database);
        writer.recordCard("org-1", "deal-1", null);
        writer.recordCard("org-1", "deal-2", null);
        BoardChangeLog.Head before = writer.head();

        BoardChangeLog.in(database).startNewEpoch(3);
        writer.recordCard("org-1", "deal-3", null);

        BoardChangeLog.Head after = writer.head();
        assertThat(after.epoch()).isNotEqualTo(before.epoch());
        assertThat(after.seq()).isEqualTo(1);
        assertThat(after.capacity()).isEqualTo(3);
        assertThat(writer.changesAfter(0, after)).hasValue(List.of(BoardChange.ofCard(1, "org-1", "deal-3", null)));
    }

    @Test
    void changesBeyondTheCapacityAreDeletedSoTheLogStaysSmall() {
        BoardChangeLog log = BoardChangeLog.in(database);
        log.create(10);
        for (int i = 1; i <= 300; i++) {
            log.recordCard("org-1", "deal-" + i, null);
        }

        // The log document, the last 10 changes, and at most one batch not deleted yet.
        assertThat(database.getCollection(BoardChangeLog.COLLECTION).countDocuments()).isBetween(11L, 11L + 64);
        BoardChangeLog.Head head = log.head();
        assertThat(head.seq()).isEqualTo(300);
        assertThat(log.changesAfter(290, head)).hasValueSatisfying(changes -> assertThat(changes)
                .extracting(BoardChange::dealId).containsExactly("deal-291", "deal-292", "deal-293", "deal-294",
                        "deal-295", "deal-296", "deal-297", "deal-298", "deal-299", "deal-300"));
    }

    @Test
    void aWriterIdleWhileOthersWentPastTheCapacityRecordsAfterTheEnd() {
        BoardChangeLog idle = BoardChangeLog.in(database);
        BoardChangeLog busy = BoardChangeLog.in(database);
        idle.create(10);
        idle.recordCard("org-1", "deal-idle-1", null);
        for (int i = 1; i <= 200; i++) {
            busy.recordCard("org-1", "deal-" + i, null);
        }

        long seq = idle.recordCard("org-1", "deal-idle-2", null);

        assertThat(seq).isEqualTo(202);
        assertThat(busy.changesAfter(201, busy.head())).hasValue(List.of(BoardChange.ofCard(202, "org-1",
                "deal-idle-2", null)));
    }
}
