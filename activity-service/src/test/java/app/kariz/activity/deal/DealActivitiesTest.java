package app.kariz.activity.deal;

import app.kariz.activity.command.ActivityStatus;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityReopened;
import app.kariz.events.activity.ActivityRescheduled;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.Due;
import app.kariz.testing.mongo.InProcessMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DealActivitiesTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final String ORG = "org-1";
    private static final String DEAL = "deal-1";
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final Due DUE = new Due(LocalDate.parse("2026-11-27"), null, "Asia/Tehran");
    private static final Due LATER = new Due(LocalDate.parse("2026-11-28"), null, "Asia/Tehran");

    private DealActivities activities;

    @BeforeEach
    void setUp() {
        activities = new DealActivities(MONGO.freshDatabase("deal_activities_test"));
        activities.createIndexes();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    private static ActivityScheduled scheduled(String activityId, String dealId) {
        return new ActivityScheduled(ORG, activityId, dealId, "call", "تماس", DUE, null, "owner-1", null, null, NOW,
                "user-1");
    }

    private static ActivityCompleted completed(String activityId) {
        return new ActivityCompleted(ORG, activityId, DEAL, "call", "owner-1", DUE, "ok", NOW, "user-1");
    }

    @Test
    void aDealsOpenActivitiesAreThoseScheduledOnItAndNeitherDoneNorCancelled() {
        activities.on(scheduled("a-1", DEAL), 0);
        activities.on(scheduled("a-2", DEAL), 0);
        activities.on(scheduled("a-3", DEAL), 0);
        activities.on(scheduled("b-1", "deal-2"), 0);
        activities.on(completed("a-2"), 1);
        activities.on(new ActivityCancelled(ORG, "a-3", DEAL, "call", "owner-1", DUE, "BY_USER", NOW, "user-1"), 1);

        assertThat(activities.openActivityIds(ORG, DEAL)).containsExactly("a-1");
        assertThat(activities.status("a-2")).contains(ActivityStatus.DONE);
        assertThat(activities.status("a-3")).contains(ActivityStatus.CANCELLED);
    }

    @Test
    void anotherOrganisationSeesNoneOfTheDealsActivities() {
        activities.on(scheduled("a-1", DEAL), 0);

        assertThat(activities.openActivityIds("org-2", DEAL)).isEmpty();
    }

    @Test
    void aDuplicateOrOlderEventChangesNothing() {
        activities.on(scheduled("a-1", DEAL), 0);
        activities.on(completed("a-1"), 1);

        activities.on(scheduled("a-1", DEAL), 0);
        activities.on(new ActivityPostponed(ORG, "a-1", DEAL, "owner-1", DUE, LATER, null, NOW, "user-1"), 1);

        assertThat(activities.status("a-1")).contains(ActivityStatus.DONE);
        assertThat(activities.openActivityIds(ORG, DEAL)).isEmpty();
    }

    @Test
    void aLaterEventOfAnActivityNeverRecordedRecordsIt() {
        activities.on(new ActivityPostponed(ORG, "a-1", DEAL, "owner-1", DUE, LATER, null, NOW, "user-1"), 2);

        assertThat(activities.openActivityIds(ORG, DEAL)).containsExactly("a-1");
    }

    @Test
    void aReopenedActivityIsOpenOnItsDealAgain() {
        activities.on(scheduled("a-1", DEAL), 0);
        activities.on(completed("a-1"), 1);
        assertThat(activities.hasOpenActivity(ORG, DEAL)).isFalse();

        activities.on(new ActivityReopened(ORG, "a-1", DEAL, "call", "owner-1", DUE, NOW, "user-1"), 2);

        assertThat(activities.openActivityIds(ORG, DEAL)).containsExactly("a-1");
        assertThat(activities.hasOpenActivity(ORG, DEAL)).isTrue();
    }

    @Test
    void aRedeliveredCompletionDoesNotCloseAReopenedActivity() {
        activities.on(scheduled("a-1", DEAL), 0);
        activities.on(completed("a-1"), 1);
        activities.on(new ActivityReopened(ORG, "a-1", DEAL, "call", "owner-1", DUE, NOW, "user-1"), 2);

        activities.on(completed("a-1"), 1);

        assertThat(activities.status("a-1")).contains(ActivityStatus.OPEN);
    }

    @Test
    void aRescheduleOfAnActivityNeverRecordedRecordsItOpen() {
        activities.on(new ActivityRescheduled(ORG, "a-1", DEAL, "owner-1", DUE, LATER, NOW, "user-1"), 3);

        assertThat(activities.openActivityIds(ORG, DEAL)).containsExactly("a-1");
    }

    @Test
    void anActivitysDealIsKnownToItsOwnOrganisationOnly() {
        activities.on(scheduled("a-1", DEAL), 0);

        assertThat(activities.dealOf(ORG, "a-1")).contains(DEAL);
        assertThat(activities.dealOf("org-2", "a-1")).isEmpty();
        assertThat(activities.dealOf(ORG, "a-2")).isEmpty();
    }
}
