package app.kariz.mongo.embedded;

import app.kariz.mongo.embedded.index.OrderedSecondaryIndex;
import app.kariz.mongo.embedded.index.OrderedUniqueIndex;
import app.kariz.mongo.embedded.query.QueryPlan;
import app.kariz.mongo.embedded.query.QueryPlanner;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner reads the index real MongoDB would read for each query shape Kariz sends, and only the entries
 * that can match: what keeps every hot path at a cost independent of the collection's size.
 */
class QueryPlannerTest {

    private static final int DEALS = 10_000;

    private final List<Index<Integer>> indexes = new ArrayList<>();

    @BeforeEach
    void indexTenThousandCardsAndTheirEvents() {
        indexes.add(new OrderedUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false));
        indexes.add(new OrderedSecondaryIndex("board_order", keys("organizationId", "pipelineId", "status", "stageId",
                "overdueAt", "createdAt", "_id"), false));
        indexes.add(new OrderedSecondaryIndex("deals_newest", List.of(new IndexKey("organizationId", true),
                new IndexKey("status", true), new IndexKey("createdAt", false), new IndexKey("_id", false)), false));
        indexes.add(new OrderedUniqueIndex("aggregate_sequence", keys("aggregateIdentifier", "sequenceNumber"), false));
        indexes.add(new OrderedSecondaryIndex("tracking", keys("timestamp", "sequenceNumber"), false));
        Instant start = Instant.parse("2026-12-07T00:00:00Z");
        for (int n = 0; n < DEALS; n++) {
            Document card = new Document("_id", String.format("deal-%05d", n))
                    .append("organizationId", "org-" + n % 10)
                    .append("pipelineId", "pipeline")
                    .append("status", "OPEN")
                    .append("stageId", "stage-" + n % 4)
                    .append("overdueAt", n % 3 == 0 ? null : start.plusSeconds(n))
                    .append("createdAt", start.plusSeconds(DEALS - n))
                    .append("aggregateIdentifier", "deal-" + n / 5)
                    .append("sequenceNumber", (long) (n % 5))
                    .append("timestamp", start.plusMillis(n).toString());
            for (Index<Integer> index : indexes) {
                index.add(card, n, null);
            }
        }
    }

    @Test
    void aBoardColumnPageReadsOnlyItsCardsInOrder() {
        QueryPlan plan = plan(new Document("$and", List.of(new Document("organizationId", "org-3"),
                        new Document("pipelineId", "pipeline"), new Document("status", "OPEN"),
                        new Document("stageId", "stage-1"))),
                new Document("overdueAt", 1).append("createdAt", 1).append("_id", 1), 50);
        assertThat(plan.index()).isEqualTo("board_order");
        assertThat(plan.inSortOrder()).isTrue();
        assertThat(count(plan)).isEqualTo(DEALS / 20); // org-3 and stage-1 meet every 20 deals: 500 of 10,000
    }

    @Test
    void theNewestDealsAreReadBackwardsFromADescendingIndex() {
        QueryPlan plan = plan(new Document("organizationId", "org-1").append("status", "OPEN"),
                new Document("createdAt", 1).append("_id", 1), 20);
        assertThat(plan.index()).isEqualTo("deals_newest");
        assertThat(plan.inSortOrder()).isTrue();
    }

    @Test
    void anAggregatesEventsFromASequenceOnAreOneRangeOfTheUniqueIndex() {
        QueryPlan plan = plan(new Document("aggregateIdentifier", "deal-7").append("sequenceNumber",
                new Document("$gte", 2L)), new Document("sequenceNumber", 1), 0);
        assertThat(plan.index()).isEqualTo("aggregate_sequence");
        assertThat(plan.inSortOrder()).isTrue();
        assertThat(count(plan)).isEqualTo(3);
    }

    @Test
    void anIdInsideAnAndIsALookupByTheIdIndex() {
        QueryPlan plan = plan(new Document("$and", List.of(new Document("_id", "deal-00042"),
                new Document("sequenceNumber", new Document("$lt", 3L)))), null, 0);
        assertThat(plan.index()).isEqualTo("_id_");
        assertThat(count(plan)).isEqualTo(1);
    }

    @Test
    void trackingReadsTheTimestampRangeItAsksFor() {
        String since = "2026-12-07T00:00:09.990Z";
        long expected = java.util.stream.IntStream.range(0, DEALS)
                .mapToObj(n -> Instant.parse("2026-12-07T00:00:00Z").plusMillis(n).toString())
                .filter(timestamp -> timestamp.compareTo(since) >= 0).count();
        QueryPlan plan = plan(new Document("timestamp", new Document("$gte", since))
                        .append("eventIdentifier", new Document("$nin", List.of("a", "b"))),
                new Document("timestamp", 1).append("sequenceNumber", 1), 100);
        assertThat(plan.index()).isEqualTo("tracking");
        assertThat(plan.inSortOrder()).isTrue();
        assertThat(count(plan)).isEqualTo(expected).isLessThan(20);
    }

    @Test
    void inValuesAreSeparateRangesButNoSortOrder() {
        QueryPlan plan = plan(new Document("_id", new Document("$in", List.of("deal-00001", "deal-00002", "nope"))),
                new Document("createdAt", -1), 0);
        assertThat(plan.index()).isEqualTo("_id_");
        assertThat(plan.inSortOrder()).isFalse();
        assertThat(count(plan)).isEqualTo(2);
    }

    @Test
    void anInOfThousandsOfIdsIsReadFromTheIdIndexNotScanned() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 2_000; n += 2) {
            ids.add(String.format("deal-%05d", n));
        }
        ids.add("nope");
        QueryPlan plan = plan(new Document("_id", new Document("$in", ids)), null, 0);
        assertThat(plan.index()).isEqualTo("_id_");
        assertThat(count(plan)).isEqualTo(1_000);
    }

    @Test
    void aQueryNoIndexBoundsIsAScan() {
        assertThat(plan(new Document("$or", List.of(new Document("stageId", "stage-1"))), null, 0)).isNull();
    }

    private QueryPlan plan(Document query, Document orderBy, int limit) {
        return QueryPlanner.plan(query, orderBy, limit, indexes);
    }

    private static int count(QueryPlan plan) {
        int count = 0;
        while (plan.positions().hasNext()) {
            plan.positions().next();
            count++;
        }
        return count;
    }

    private static List<IndexKey> keys(String... names) {
        List<IndexKey> keys = new ArrayList<>();
        for (String name : names) {
            keys.add(new IndexKey(name, true));
        }
        return keys;
    }
}
