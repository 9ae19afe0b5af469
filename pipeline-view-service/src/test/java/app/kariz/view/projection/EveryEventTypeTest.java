package app.kariz.view.projection;

import app.kariz.events.EventCatalog;
import app.kariz.events.EventType;
import app.kariz.events.KarizEvent;
import app.kariz.events.Position;
import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.Due;
import app.kariz.events.activitytype.ActivityTypeAdded;
import app.kariz.events.activitytype.ActivityTypeChanged;
import app.kariz.events.organization.OrganizationCreated;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.PipelineStory;
import app.kariz.view.SettableClock;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A decodable event the projection cannot apply would be retried forever and block its partition: every type
 * of the public catalog must be applied (or deliberately left out) without failing.
 */
class EveryEventTypeTest {

    private static final String ORG = "org-1";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Due DUE = new Due(LocalDate.parse("2026-11-28"), null, "Asia/Tehran");

    private static InProcessMongo mongo;

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void everyEventTypeOfTheCatalogIsAppliedWithoutFailing() {
        ReadModel view = new ReadModel(mongo.freshDatabase("every_type"), new SettableClock(T0), ORG);
        PipelineStory sales = new PipelineStory(ORG, "sales");
        PipelineStory old = new PipelineStory(ORG, "old");
        DealStory deal = new DealStory(ORG, "deal-1");
        List<ConsumedEvent> events = new ArrayList<>(List.of(
                sales.created("Sales", List.of(new PipelineStage("lead", "Lead", 0, 5))),
                sales.renamed("Sales 2"),
                sales.stageAdded("won-soon", "Negotiation", null, 1),
                sales.stageUpdated("won-soon", "Negotiation", 2),
                sales.reordered(List.of("won-soon", "lead")),
                sales.stageAdded("spare", "Spare", null, 2),
                sales.stageRemoved("spare", null),
                old.created("Old", List.of()),
                old.deleted(),
                deal.opened("Big order", "sales", "lead", T0),
                deal.updated(deal.fields(), T0.plusSeconds(1)),
                deal.moved("won-soon", T0.plusSeconds(2)),
                deal.scheduled("call-1", "call", "Call", DUE, T0.plusSeconds(3)),
                deal.postponed("call-1", new Due(LocalDate.parse("2026-11-29"), null, "Asia/Tehran"), null,
                        T0.plusSeconds(4)),
                deal.rescheduled("call-1", DUE, T0.plusSeconds(4)),
                deal.activityUpdated("call-1", new ActivityFields("meeting", "Meet", 60, "user-2", null, "Office"),
                        T0.plusSeconds(4)),
                deal.completed("call-1", "Done", T0.plusSeconds(5)),
                deal.activityReopened("call-1", T0.plusSeconds(5)),
                deal.scheduled("call-2", "call", "Call", DUE, T0.plusSeconds(6)),
                deal.cancelled("call-2", "BY_USER", T0.plusSeconds(7)),
                deal.lost("No budget", T0.plusSeconds(8)),
                deal.reopened(T0.plusSeconds(9)),
                deal.won(T0.plusSeconds(10)),
                deal.deleted(T0.plusSeconds(11)),
                activityTypes(0, new ActivityTypeAdded(ORG, "demo", "Demo", true, T0, DealStory.USER)),
                activityTypes(1, new ActivityTypeChanged(ORG, "demo", "Product demo", true, false, T0,
                        DealStory.USER)),
                new ConsumedEvent("organization-event-0", "kariz.organization.created.v1",
                        new Position("organization", ORG, 0), T0, "correlation-1",
                        new OrganizationCreated(ORG, "Kariz", "Asia/Tehran", "fa", T0, "platform-admin"))));

        assertThat(events.stream().map(ConsumedEvent::ceType).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream().map(EventType::ceType).toList());
        assertThatCode(() -> view.apply(events)).doesNotThrowAnyException();
        // pipeline:sales, pipeline:old, deal:deal-1, activity:call-1, activity:call-2 and the organisation's
        // activity types and the organisation (not part of this view, but recorded as applied), each fully applied.
        assertThat(view.collections.positions().countDocuments()).isEqualTo(7);
    }

    /** This view does not consume the activity types' topic; should one reach it, nothing changes. */
    @Test
    void activityTypeEventsChangeNoReadModel() {
        ReadModel view = new ReadModel(mongo.freshDatabase("activity_types"), new SettableClock(T0), ORG);
        var before = view.snapshot();

        view.apply(activityTypes(0, new ActivityTypeAdded(ORG, "demo", "Demo", true, T0, DealStory.USER)));

        var after = view.snapshot();
        after.remove("positions");
        before.remove("positions");
        assertThat(after).isEqualTo(before);
    }

    private static ConsumedEvent activityTypes(long sequence, KarizEvent event) {
        return new ConsumedEvent("type-event-" + sequence,
                EventCatalog.byJavaType(event.getClass()).orElseThrow().ceType(),
                new Position("activity-types", ORG, sequence), T0, "correlation-1", event);
    }

    @Test
    void anEventOfNoKnownKindIsSkippedAndRecordedAsApplied() {
        ReadModel view = new ReadModel(mongo.freshDatabase("unknown_kind"), new SettableClock(T0), ORG);
        KarizEvent foreign = () -> ORG;

        assertThatCode(() -> view.apply(new ConsumedEvent("event-1", "kariz.something.new.v1",
                new Position("something", "id-1", 0), T0, "correlation-1", foreign))).doesNotThrowAnyException();
        assertThat(view.collections.positions().countDocuments(Filters.eq("_id", "something:id-1"))).isEqualTo(1);
    }
}
