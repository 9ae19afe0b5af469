package app.kariz.activity.web;

import app.kariz.activity.DealEvents;
import app.kariz.activity.InProcessActivities;
import app.kariz.activity.command.ActivityCommands.CompleteActivity;
import app.kariz.activity.command.ActivityCommands.ScheduleActivity;
import app.kariz.activity.deal.DealActivities;
import app.kariz.activity.deal.DealDeletionCascade;
import app.kariz.activity.deal.DealLookup;
import app.kariz.activity.deal.KnownDeals.KnownDeal;
import app.kariz.activity.deal.KnownDeals;
import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.events.Position;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealOpened;
import app.kariz.support.consume.EventStreamConsumer;
import app.kariz.support.web.CallerResolver;
import app.kariz.support.web.CommandProblemHandling;
import app.kariz.support.web.ProblemHandling;
import app.kariz.testing.mongo.InProcessMongo;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code DELETE /api/v1/activities/{id}} over the real aggregate and event store (MongoDB in process), with the
 * service's error mapping; the controller alone, without a Spring context.
 */
class ActivityCancellationHttpTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final String ORG = "org-1";
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final Due TOMORROW = new Due(LocalDate.parse("2026-11-27"), null, "Asia/Tehran");

    private InProcessActivities activities;
    private MongoDatabase database;
    private KnownDeals knownDeals;
    private DealLookup dealLookup;
    private MockMvc http;

    @BeforeEach
    void setUp() {
        database = MONGO.freshDatabase("http_test");
        DealActivities dealActivities = new DealActivities(database);
        activities = InProcessActivities.start(MONGO, "http_test_events", dealActivities);
        knownDeals = new KnownDeals(database);
        dealLookup = spy(new DealLookup(knownDeals, mock(EventStreamConsumer.class), Duration.ofMillis(100)));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DealDeletionCascade cascade = new DealDeletionCascade(dealActivities, knownDeals, activities.commands(),
                clock);
        ActivityController controller = new ActivityController(activities.commands(), dealLookup, cascade,
                dealActivities, clock);
        http = MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new CommandProblemHandling(), new ProblemHandling())
                .setCustomArgumentResolvers(new CallerResolver(ZoneId.of("Asia/Tehran")))
                .build();
    }

    @AfterEach
    void stopAxon() {
        activities.close();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    private void schedule(String activityId) {
        activities.commands().sendAndWait(new ScheduleActivity(activityId, ORG, "deal-1", "call", "تماس",
                TOMORROW, null, "owner-1", null, null, NOW, "user-1"));
    }

    private static MockHttpServletRequestBuilder as(String organizationId, MockHttpServletRequestBuilder request) {
        return request.header(IdentityHeaders.ORGANIZATION, organizationId).header(IdentityHeaders.USER, "user-1")
                .header(IdentityHeaders.ROLE, "ADMIN").header(IdentityHeaders.VISIBILITY, "EVERYONE");
    }

    @Test
    void cancellingAnOpenActivityAnswersItCancelledWithTheWrittenPosition() throws Exception {
        schedule("a-1");

        http.perform(as(ORG, delete("/api/v1/activities/a-1")))
                .andExpect(status().isOk())
                .andExpect(header().string(Position.WRITTEN_HEADER, "activity:a-1:1"))
                .andExpect(jsonPath("$.id").value("a-1"))
                .andExpect(jsonPath("$.status").value("CANCELLED"));

        assertThat(activities.eventsOf("a-1")).last().isInstanceOfSatisfying(ActivityCancelled.class,
                cancelled -> {
                    assertThat(cancelled.reason()).isEqualTo("BY_USER");
                    assertThat(cancelled.cancelledBy()).isEqualTo("user-1");
                });
    }

    @Test
    void anUnknownActivityIsNotFound() throws Exception {
        http.perform(as(ORG, delete("/api/v1/activities/nothing")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anotherOrganisationsActivityIsNotFound() throws Exception {
        schedule("a-1");

        http.perform(as("org-2", delete("/api/v1/activities/a-1")))
                .andExpect(status().isNotFound());

        assertThat(activities.eventsOf("a-1")).hasSize(1);
    }

    @Test
    void aDoneActivityCannotBeCancelled() throws Exception {
        schedule("a-1");
        activities.commands().sendAndWait(new CompleteActivity("a-1", ORG, "ok", null, NOW, "user-1"));

        http.perform(as(ORG, delete("/api/v1/activities/a-1")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(activities.eventsOf("a-1")).hasSize(2);
    }

    @Test
    void aCancelledActivityCanNeitherBeCancelledAgainNorCompletedNorPostponed() throws Exception {
        schedule("a-1");
        http.perform(as(ORG, delete("/api/v1/activities/a-1"))).andExpect(status().isOk());

        http.perform(as(ORG, delete("/api/v1/activities/a-1"))).andExpect(status().isConflict());
        http.perform(as(ORG, post("/api/v1/activities/a-1/complete")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"result\": \"ok\"}")).andExpect(status().isConflict());
        http.perform(as(ORG, post("/api/v1/activities/a-1/postpone")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueDate\": \"2026-12-01\"}")).andExpect(status().isConflict());

        assertThat(activities.eventsOf("a-1")).hasSize(2);
    }

    @Test
    void withoutTheGatewaysIdentityHeadersNothingIsCancelled() throws Exception {
        schedule("a-1");

        http.perform(delete("/api/v1/activities/a-1")).andExpect(status().isUnauthorized());

        assertThat(activities.eventsOf("a-1")).hasSize(1);
    }

    private static final String SCHEDULE_CALL = """
            {"dealId": "deal-1", "type": "call", "subject": "تماس", "dueDate": "2026-11-27"}""";

    private void dealOpenedThenDeleted() {
        knownDeals.handle(DealEvents.consumed(new DealOpened(ORG, "deal-1", "pipeline-1", "stage-1", "قرارداد", null,
                "owner-1", null, null, null, NOW, "owner-1"), 0));
        knownDeals.handle(DealEvents.consumed(new DealDeleted(ORG, "deal-1", NOW, "manager-1"), 1));
    }

    @Test
    void nothingCanBeScheduledOnADeletedDeal() throws Exception {
        dealOpenedThenDeleted();

        http.perform(as(ORG, post("/api/v1/activities")).contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE_CALL))
                .andExpect(status().isNotFound());

        assertThat(database.getCollection("deal_activities").countDocuments()).isZero();
    }

    @Test
    void anActivityScheduledWhileItsDealWasBeingDeletedIsCancelledAndTheDealNotFound() throws Exception {
        // The request looked the deal up while it was open; the deletion arrived before its command was stored.
        doReturn(new KnownDeal("deal-1", ORG, "owner-1", KnownDeals.OPEN, 0, null)).when(dealLookup)
                .require(any(), any(), any(), any());
        dealOpenedThenDeleted();

        http.perform(as(ORG, post("/api/v1/activities")).contentType(MediaType.APPLICATION_JSON)
                        .content(SCHEDULE_CALL))
                .andExpect(status().isNotFound());

        Document scheduled = database.getCollection("deal_activities").find(Filters.eq("dealId", "deal-1")).first();
        assertThat(scheduled).isNotNull();
        assertThat(activities.eventsOf(scheduled.getString("_id"))).last()
                .isInstanceOfSatisfying(ActivityCancelled.class, cancelled -> {
                    assertThat(cancelled.reason()).isEqualTo("DEAL_DELETED");
                    assertThat(cancelled.cancelledBy()).isEqualTo("manager-1");
                });
    }
}
