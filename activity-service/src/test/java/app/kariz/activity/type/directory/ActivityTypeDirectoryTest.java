package app.kariz.activity.type.directory;

import app.kariz.activity.type.command.ActivityType;
import app.kariz.activity.type.command.ActivityTypes;
import app.kariz.events.activitytype.ActivityTypeAdded;
import app.kariz.events.activitytype.ActivityTypeChanged;
import app.kariz.testing.mongo.InProcessMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityTypeDirectoryTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final String ORG = "org-1";
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private ActivityTypeDirectory directory;

    @BeforeEach
    void setUp() {
        directory = new ActivityTypeDirectory(MONGO.freshDatabase("activity_types_test"));
        directory.createIndexes();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    private static ActivityTypeAdded added(String key, String name) {
        return new ActivityTypeAdded(ORG, key, name, true, NOW, "manager-1");
    }

    private static ActivityTypeChanged changed(String key, String name, boolean requiresResult, boolean active) {
        return new ActivityTypeChanged(ORG, key, name, requiresResult, active, NOW, "manager-1");
    }

    private static String[] keys(java.util.List<ActivityType> types) {
        return types.stream().map(ActivityType::key).toArray(String[]::new);
    }

    @Test
    void anOrganisationWithoutEventsHasTheSixDefaults() {
        assertThat(directory.all(ORG)).containsExactly(
                new ActivityType("call", "Call", true, true),
                new ActivityType("meeting", "Meeting", true, true),
                new ActivityType("consultation", "Consultation", true, true),
                new ActivityType("task", "Task", true, true),
                new ActivityType("email", "Email", true, true),
                new ActivityType("deadline", "Deadline", false, true));
        assertThat(directory.find(ORG, "deadline")).contains(new ActivityType("deadline", "Deadline", false, true));
        assertThat(directory.find(ORG, "fax")).isEmpty();
    }

    @Test
    void addedTypesFollowTheDefaultsInTheOrderTheyWereAdded() {
        directory.on(added("site-visit", "بازدید از محل"), 0);
        directory.on(added("demo", "دمو"), 1);

        assertThat(keys(directory.all(ORG))).containsExactly("call", "meeting", "consultation", "task", "email",
                "deadline", "site-visit", "demo");
        assertThat(directory.find(ORG, "site-visit")).contains(new ActivityType("site-visit", "بازدید از محل", true,
                true));
    }

    @Test
    void aChangedDefaultKeepsItsPlace() {
        directory.on(added("site-visit", "بازدید"), 0);
        directory.on(changed("call", "تماس تلفنی", false, false), 1);

        assertThat(directory.all(ORG).get(0)).isEqualTo(new ActivityType("call", "تماس تلفنی", false, false));
        assertThat(directory.find(ORG, "call")).contains(new ActivityType("call", "تماس تلفنی", false, false));
    }

    @Test
    void anotherOrganisationsTypesAreNotSeen() {
        directory.on(added("site-visit", "بازدید"), 0);
        directory.on(changed("call", "تماس تلفنی", false, false), 1);

        assertThat(directory.all("org-2")).isEqualTo(ActivityTypes.defaults());
        assertThat(directory.find("org-2", "site-visit")).isEmpty();
        assertThat(directory.find("org-2", "call")).contains(new ActivityType("call", "Call", true, true));
    }

    @Test
    void aDuplicateOrOlderEventChangesNothing() {
        directory.on(added("site-visit", "بازدید"), 0);
        directory.on(changed("site-visit", "بازدید از محل", false, false), 1);

        directory.on(added("site-visit", "بازدید"), 0);
        directory.on(changed("site-visit", "قدیمی", true, true), 1);

        assertThat(directory.find(ORG, "site-visit")).contains(new ActivityType("site-visit", "بازدید از محل",
                false, false));
    }

    @Test
    void aChangeArrivingBeforeTheAdditionKeepsTheLaterValuesAndTheAddedOrder() {
        directory.on(added("demo", "دمو"), 0);
        directory.on(changed("site-visit", "بازدید از محل", false, true), 2);
        directory.on(added("site-visit", "بازدید"), 1);
        directory.on(added("webinar", "وبینار"), 3);

        assertThat(directory.find(ORG, "site-visit")).contains(new ActivityType("site-visit", "بازدید از محل",
                false, true));
        assertThat(keys(directory.all(ORG))).endsWith("demo", "site-visit", "webinar");
    }
}
