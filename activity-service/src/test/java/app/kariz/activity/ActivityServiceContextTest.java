package app.kariz.activity;

import app.kariz.activity.command.ActivityCommands.ScheduleActivity;
import app.kariz.activity.deal.DealActivities;
import app.kariz.activity.type.directory.ActivityTypeDirectory;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.Due;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The wiring: both projections are subscribing processors, and the deletion cascade works through the real
 * command bus and event store.
 */
class ActivityServiceContextTest extends ActivityServiceTestContext {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private DealActivities dealActivities;

    private void schedule(String activityId, String dealId) {
        commands.sendAndWait(new ScheduleActivity(activityId, ORG, dealId, "call", "تماس",
                new Due(LocalDate.parse("2026-11-27"), null, "Asia/Tehran"), null, "owner-1", null, null, NOW,
                "user-1"));
    }

    private Object lastEventOf(String activityId) {
        List<? extends EventMessage<?>> events = eventStore.readEvents(activityId).asStream().toList();
        return events.get(events.size() - 1).getPayload();
    }

    @Test
    void theProjectionsAreUpdatedBeforeACommandReturns() {
        assertThat(processing.eventProcessor(DealActivities.PROCESSING_GROUP))
                .containsInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.eventProcessor(ActivityTypeDirectory.PROCESSING_GROUP))
                .containsInstanceOf(SubscribingEventProcessor.class);

        schedule("context-a-1", "context-deal-1");

        assertThat(dealActivities.openActivityIds(ORG, "context-deal-1")).containsExactly("context-a-1");
    }

    @Test
    void deletingADealCancelsItsOpenActivities() {
        String dealId = dealOpened("owner-1");
        schedule("context-a-2", dealId);

        dealDeleted(dealId, 1);

        assertThat(lastEventOf("context-a-2")).isInstanceOfSatisfying(ActivityCancelled.class,
                cancelled -> assertThat(cancelled.reason()).isEqualTo("DEAL_DELETED"));
        assertThat(dealActivities.openActivityIds(ORG, dealId)).isEmpty();
    }

    @Test
    void cancellingThroughTheApiAnswersTheCancelledActivity() throws Exception {
        schedule("context-a-3", "context-deal-3");

        http.perform(as(ORG, delete("/api/v1/activities/context-a-3")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        http.perform(as(ORG, delete("/api/v1/activities/context-a-3")))
                .andExpect(status().isConflict());
    }
}
