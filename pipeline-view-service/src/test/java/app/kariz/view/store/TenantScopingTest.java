package app.kariz.view.store;

import app.kariz.events.activity.Due;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.activity.Activities;
import app.kariz.view.board.BoardFilter;
import app.kariz.view.card.DealStatus;
import app.kariz.view.card.QueryFixture;
import app.kariz.view.deallist.DealQuery;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.pipeline.Pipelines;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static app.kariz.view.card.QueryFixture.ORG;
import static app.kariz.view.card.QueryFixture.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read the query side sends to the view's collections, as the database receives it (a command listener on the
 * client), is within the organisation that asked: each board, list, search, agenda, card, timeline, activity and
 * pipeline read names it.
 */
class TenantScopingTest {

    private static final Set<String> TENANT_COLLECTIONS = Set.of("deal_cards", "activities", "pipelines", "timeline");
    private static final Set<String> READS = Set.of("find", "count", "aggregate", "distinct");
    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    private static InProcessMongo mongo;
    private static MongoClient client;
    private static final List<Read> reads = new CopyOnWriteArrayList<>();

    /** One read command: the collection it went to and its filter (a count's or aggregation's first $match). */
    private record Read(String command, String collection, BsonDocument filter) {
    }

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.start();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (READS.contains(event.getCommandName())) {
                            // A copy: the event's document is read from a buffer released after the command is sent.
                            BsonDocument command = event.getCommand().clone();
                            reads.add(new Read(event.getCommandName(),
                                    command.getString(event.getCommandName()).getValue(), filterOf(command)));
                        }
                    }
                })
                .build());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @Test
    void everyReadOfTheQuerySideNamesTheOrganisationThatAsked() {
        QueryFixture view = new QueryFixture(client.getDatabase("scoping"), NOW);
        DealStory story = view.open("deal-1", "lead", "Bidar Steel", "owner-1", "1200.00", "IRR", NOW);
        view.apply(story.scheduled("activity-1", "call", "Call about the offer",
                        new Due(LocalDate.parse("2026-03-10"), LocalTime.parse("14:30"), "Asia/Tehran"), NOW),
                story.scheduled("activity-2", "meeting", "Visit", new Due(LocalDate.parse("2026-03-09"), null,
                        "Asia/Tehran"), NOW));
        view.apply(story.completed("activity-2", "They want a second offer", NOW));
        Activities activities = new Activities(view.collections, new IndicatorRule(view.clock));
        Pipelines pipelines = new Pipelines(view.collections.pipelines());
        reads.clear();

        view.cards.find(ORG, "deal-1").orElseThrow();
        view.boards.find(ORG, PIPELINE).orElseThrow();
        view.boards.find(ORG, PIPELINE, new BoardFilter("owner-1", EnumSet.of(Indicator.TODAY)), 20).orElseThrow();
        view.boards.find(ORG, PIPELINE, new BoardFilter(null, EnumSet.allOf(Indicator.class), "owner-1"), 20)
                .orElseThrow();
        view.boards.stageDeals(ORG, PIPELINE, "lead", BoardFilter.NONE, null, 1).orElseThrow();
        view.deals.find(ORG, new DealQuery(null, null, null, null, null), null, 20);
        view.deals.find(ORG, new DealQuery(DealStatus.OPEN, PIPELINE, "owner-1", null, "Bidar"), null, 20);
        view.deals.find(ORG, new DealQuery(null, null, null, EnumSet.of(Indicator.NO_ACTIVITY, Indicator.OVERDUE),
                null), null, 20);
        view.agendas.find(ORG, "assignee-1", null, ZoneId.of("Asia/Tehran"));
        view.timelines.find(ORG, "deal-1", 50, null).orElseThrow();
        view.timelines.find(ORG, "deal-1", 50, null, "owner-1").orElseThrow();
        activities.find(ORG, "activity-1").orElseThrow();
        pipelines.stageNames(ORG, List.of(PIPELINE));

        Set<String> readCollections = new TreeSet<>();
        List<Read> unscoped = new ArrayList<>();
        for (Read read : reads) {
            if (TENANT_COLLECTIONS.contains(read.collection())) {
                readCollections.add(read.collection());
                if (!namesOrganization(read.filter(), ORG)) {
                    unscoped.add(read);
                }
            }
        }
        assertThat(readCollections).as("the reads reached every collection of the view")
                .isEqualTo(TENANT_COLLECTIONS);
        assertThat(unscoped).as("reads without the organisation").isEmpty();
    }

    @Test
    void aReadThatLeavesOutTheOrganisationIsCaught() {
        QueryFixture view = new QueryFixture(client.getDatabase("scoping-control"), NOW);
        reads.clear();

        view.collections.dealCards().find(Filters.eq("pipelineId", PIPELINE)).first();
        view.collections.dealCards().find(Filters.and(Filters.eq("organizationId", "org-2"),
                Filters.eq("pipelineId", PIPELINE))).first();
        view.collections.dealCards().find(Filters.or(Filters.eq("organizationId", ORG),
                Filters.eq("pipelineId", PIPELINE))).first();

        assertThat(reads).hasSize(3).noneMatch(read -> namesOrganization(read.filter(), ORG));
    }

    /** Whether the filter requires {@code organizationId} to equal the organisation, alone or in a top-level $and. */
    private static boolean namesOrganization(BsonDocument filter, String organizationId) {
        BsonValue value = filter.get(ScopedCollection.ORGANIZATION_ID);
        if (value != null) {
            return value.equals(new BsonString(organizationId))
                    || value.isDocument() && new BsonString(organizationId).equals(value.asDocument().get("$eq"));
        }
        BsonValue and = filter.get("$and");
        return and instanceof BsonArray parts && parts.stream()
                .anyMatch(part -> part.isDocument() && namesOrganization(part.asDocument(), organizationId));
    }

    private static BsonDocument filterOf(BsonDocument command) {
        if (command.containsKey("filter")) {
            return command.getDocument("filter");
        }
        if (command.containsKey("query")) {
            return command.getDocument("query");
        }
        if (command.containsKey("pipeline") && !command.getArray("pipeline").isEmpty()) {
            BsonDocument first = command.getArray("pipeline").get(0).asDocument();
            return first.containsKey("$match") ? first.getDocument("$match") : new BsonDocument();
        }
        return new BsonDocument();
    }
}
