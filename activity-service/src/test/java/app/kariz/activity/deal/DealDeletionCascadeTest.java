package app.kariz.activity.deal;

import app.kariz.activity.InProcessActivities;
import app.kariz.activity.command.ActivityCommands.CompleteActivity;
import app.kariz.activity.command.ActivityCommands.NextStep;
import app.kariz.activity.command.ActivityCommands.ScheduleActivity;
import app.kariz.activity.command.ActivityStatus;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealOpened;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.testing.mongo.InProcessMongo;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static app.kariz.activity.DealEvents.consumed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * A deal's deletion, consumed from the deal topic, cancels its open activities: the handlers the deal topic's
 * consumer calls, in its order, over the real aggregate, event store and projection (MongoDB in process).
 */
class DealDeletionCascadeTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final String ORG = "org-1";
    private static final String DEAL = "deal-1";
    private static final String OTHER_DEAL = "deal-2";
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Due TOMORROW = new Due(LocalDate.parse("2026-11-27"), null, "Asia/Tehran");
    private static final ConsumedEvent DELETED = consumed(new DealDeleted(ORG, DEAL, NOW, "manager-1"), 1);

    private KnownDeals knownDeals;
    private DealActivities dealActivities;
    private InProcessActivities activities;
    private DealDeletionCascade cascade;

    @BeforeEach
    void setUp() {
        MongoDatabase database = MONGO.freshDatabase("cascade_test");
        knownDeals = new KnownDeals(database);
        dealActivities = new DealActivities(database);
        activities = InProcessActivities.start(MONGO, "cascade_test_events", dealActivities);
        cascade = new DealDeletionCascade(dealActivities, knownDeals, activities.commands(), CLOCK);
        apply(consumed(opened(DEAL), 0));
        apply(consumed(opened(OTHER_DEAL), 0));
    }

    @AfterEach
    void stopAxon() {
        activities.close();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    /** As the deal topic's consumer applies an event: known deals first, then the cascade. */
    private void apply(ConsumedEvent event) {
        knownDeals.handle(event);
        cascade.handle(event);
    }

    private static DealOpened opened(String dealId) {
        return new DealOpened(ORG, dealId, "pipeline-1", "stage-1", "قرارداد", null, "owner-1", null, null, null,
                NOW, "owner-1");
    }

    private String schedule(String activityId, String dealId) {
        activities.commands().sendAndWait(new ScheduleActivity(activityId, ORG, dealId, "call", "تماس پیگیری",
                TOMORROW, null, "owner-1", null, null, NOW, "user-1"));
        return activityId;
    }

    private void complete(String activityId, NextStep next) {
        activities.commands().sendAndWait(new CompleteActivity(activityId, ORG, "ok", next, NOW, "user-1"));
    }

    private Object lastEventOf(String activityId) {
        List<Object> events = activities.eventsOf(activityId);
        return events.get(events.size() - 1);
    }

    private Map<String, Integer> eventCounts(String... activityIds) {
        return List.of(activityIds).stream()
                .collect(Collectors.toMap(Function.identity(), id -> activities.eventsOf(id).size()));
    }

    private static ActivityCancelled cancelledByDeletion(Object event) {
        assertThat(event).isInstanceOf(ActivityCancelled.class);
        ActivityCancelled cancelled = (ActivityCancelled) event;
        assertThat(cancelled.reason()).isEqualTo("DEAL_DELETED");
        assertThat(cancelled.cancelledBy()).isEqualTo("manager-1");
        assertThat(cancelled.cancelledAt()).isEqualTo(NOW);
        assertThat(cancelled.dealId()).isEqualTo(DEAL);
        return cancelled;
    }

    @Test
    void aScheduledActivityIsInTheProjectionAsSoonAsSchedulingReturns() {
        schedule("a-1", DEAL);

        assertThat(dealActivities.openActivityIds(ORG, DEAL)).containsExactly("a-1");
    }

    @Test
    void deletingADealCancelsItsOpenActivitiesAndLeavesDoneOnesAndOtherDealsAlone() {
        schedule("a-1", DEAL);
        schedule("a-2", DEAL);
        schedule("done", DEAL);
        complete("done", null);
        schedule("elsewhere", OTHER_DEAL);

        apply(DELETED);

        cancelledByDeletion(lastEventOf("a-1"));
        cancelledByDeletion(lastEventOf("a-2"));
        assertThat(activities.eventsOf("done")).hasSize(2).last().isInstanceOf(ActivityCompleted.class);
        assertThat(activities.eventsOf("elsewhere")).hasSize(1).last().isInstanceOf(ActivityScheduled.class);
        assertThat(dealActivities.openActivityIds(ORG, DEAL)).isEmpty();
        assertThat(dealActivities.status("a-1")).contains(ActivityStatus.CANCELLED);
        assertThat(dealActivities.openActivityIds(ORG, OTHER_DEAL)).containsExactly("elsewhere");
        assertThat(knownDeals.find(DEAL).orElseThrow().deleted()).isTrue();
    }

    @Test
    void aReDeliveredDeletionChangesNothingAndDoesNotFail() {
        schedule("a-1", DEAL);
        schedule("done", DEAL);
        complete("done", null);
        apply(DELETED);
        Map<String, Integer> before = eventCounts("a-1", "done");

        assertThatCode(() -> apply(DELETED)).doesNotThrowAnyException();

        assertThat(eventCounts("a-1", "done")).isEqualTo(before);
        assertThat(activities.eventsOf("a-1")).filteredOn(ActivityCancelled.class::isInstance).hasSize(1);
    }

    @Test
    void aDeletionThatFailedHalfwayIsCompletedByItsReDeliveryWithoutCancellingAnythingTwice() {
        schedule("a-1", DEAL);
        schedule("a-2", DEAL);
        schedule("a-3", DEAL);
        CommandGateway real = activities.commands();
        CommandGateway failingOnTheSecondCommand = mock(CommandGateway.class);
        AtomicInteger sent = new AtomicInteger();
        doAnswer(invocation -> {
            if (sent.incrementAndGet() == 2) {
                throw new IllegalStateException("MongoDB is unreachable");
            }
            return real.sendAndWait((Object) invocation.getArgument(0));
        }).when(failingOnTheSecondCommand).sendAndWait(any());
        DealDeletionCascade failing = new DealDeletionCascade(dealActivities, knownDeals, failingOnTheSecondCommand,
                CLOCK);

        knownDeals.handle(DELETED);
        assertThatThrownBy(() -> failing.handle(DELETED)).hasMessageContaining("unreachable");
        assertThat(dealActivities.openActivityIds(ORG, DEAL)).hasSize(2);

        apply(DELETED);

        for (String activityId : List.of("a-1", "a-2", "a-3")) {
            assertThat(activities.eventsOf(activityId)).hasSize(2);
            cancelledByDeletion(lastEventOf(activityId));
        }
    }

    @Test
    void aNextStepScheduledWhileTheDeletionRunsIsCancelledToo() {
        schedule("a-1", DEAL);
        CommandGateway real = activities.commands();
        CommandGateway userCompletesFirst = mock(CommandGateway.class);
        doAnswer(invocation -> {
            CommandMessage<?> cancel = invocation.getArgument(0);
            if (activities.eventsOf("a-1").size() == 1) {
                // A salesperson ticks a-1 done with a next step after the cascade has read the open activities.
                complete("a-1", new NextStep("next", "meeting", "جلسه", TOMORROW, null, null, null, null));
            }
            return real.sendAndWait(cancel);
        }).when(userCompletesFirst).sendAndWait(any());
        DealDeletionCascade racing = new DealDeletionCascade(dealActivities, knownDeals, userCompletesFirst, CLOCK);

        knownDeals.handle(DELETED);
        racing.handle(DELETED);

        assertThat(lastEventOf("a-1")).isInstanceOf(ActivityCompleted.class);
        cancelledByDeletion(lastEventOf("next"));
    }

    @Test
    void anActivityScheduledOnADealDeletedDuringTheRequestIsCancelled() {
        // The request found the deal open, then the deletion was consumed before its command was stored.
        assertThat(knownDeals.find(DEAL).orElseThrow().deleted()).isFalse();
        apply(DELETED);
        schedule("late", DEAL);

        assertThat(cascade.cancelIfDealDeletedMeanwhile("late", DEAL)).isTrue();

        cancelledByDeletion(lastEventOf("late"));
    }

    @Test
    void anActivityScheduledOnALiveDealStaysOpen() {
        schedule("a-1", DEAL);

        assertThat(cascade.cancelIfDealDeletedMeanwhile("a-1", DEAL)).isFalse();

        assertThat(activities.eventsOf("a-1")).hasSize(1);
    }
}
