package app.kariz.activity.deal;

import app.kariz.activity.InProcessMongo;
import app.kariz.activity.command.ActivityStatus;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.Due;
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
        return new ActivityScheduled(ORG, activityId, dealId, "call", "تماس", DUE, null, "owner-1", null, NOW,
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
}
