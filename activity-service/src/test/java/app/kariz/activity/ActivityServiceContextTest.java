package app.kariz.activity;

import app.kariz.activity.command.ActivityCommands.ScheduleActivity;
import app.kariz.activity.deal.DealActivities;
import app.kariz.activity.deal.DealDeletionCascade;
import app.kariz.activity.deal.KnownDeals;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealOpened;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.EventStreamConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static app.kariz.activity.DealEvents.consumed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service as Spring wires it, with MongoDB in process and Kafka left out (its client beans are mocks and the
 * test hands deal events to the handlers as the deal topic's consumer would): the deal-activities projection is
 * a subscribing processor, and the deletion cascade works through the real command bus and event store.
 */
@SpringBootTest(properties = "spring.config.name=activity-service")
@AutoConfigureMockMvc
class ActivityServiceContextTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final String ORG = "org-1";
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @MockitoBean
    private Admin kafkaAdmin;
    @MockitoBean
    private Producer<String, byte[]> eventProducer;
    @MockitoBean
    private EventStreamConsumer dealEventConsumer;

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private KnownDeals knownDeals;
    @Autowired
    private DealActivities dealActivities;
    @Autowired
    private DealDeletionCascade cascade;
    @Autowired
    private MockMvc http;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("kariz.mongo.uri", MONGO::connectionString);
        registry.add("kariz.mongo.database", () -> "activity_context_test");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void kafkaAcknowledgesEverySend() {
        when(eventProducer.send(any())).thenReturn(CompletableFuture.completedFuture(null));
    }

    private void schedule(String activityId, String dealId) {
        commands.sendAndWait(new ScheduleActivity(activityId, ORG, dealId, "call", "تماس",
                new Due(LocalDate.parse("2026-11-27"), null, "Asia/Tehran"), null, "owner-1", null, NOW, "user-1"));
    }

    private Object lastEventOf(String activityId) {
        List<? extends EventMessage<?>> events = eventStore.readEvents(activityId).asStream().toList();
        return events.get(events.size() - 1).getPayload();
    }

    private void applyDealEvent(ConsumedEvent event) {
        knownDeals.handle(event);
        cascade.handle(event);
    }

    @Test
    void theDealActivitiesProjectionIsUpdatedBeforeACommandReturns() {
        assertThat(processing.eventProcessor(DealActivities.PROCESSING_GROUP))
                .containsInstanceOf(SubscribingEventProcessor.class);

        schedule("context-a-1", "context-deal-1");

        assertThat(dealActivities.openActivityIds(ORG, "context-deal-1")).containsExactly("context-a-1");
    }

    @Test
    void deletingADealCancelsItsOpenActivities() {
        applyDealEvent(consumed(new DealOpened(ORG, "context-deal-2", "pipeline-1", "stage-1", "قرارداد", null,
                "owner-1", null, null, null, NOW, "owner-1"), 0));
        schedule("context-a-2", "context-deal-2");

        applyDealEvent(consumed(new DealDeleted(ORG, "context-deal-2", NOW, "manager-1"), 1));

        assertThat(lastEventOf("context-a-2")).isInstanceOfSatisfying(ActivityCancelled.class,
                cancelled -> assertThat(cancelled.reason()).isEqualTo("DEAL_DELETED"));
        assertThat(dealActivities.openActivityIds(ORG, "context-deal-2")).isEmpty();
    }

    @Test
    void cancellingThroughTheApiAnswersTheCancelledActivity() throws Exception {
        schedule("context-a-3", "context-deal-3");

        http.perform(delete("/api/v1/activities/context-a-3").header("Kariz-Organization-Id", ORG)
                        .header("Kariz-User-Id", "user-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        http.perform(delete("/api/v1/activities/context-a-3").header("Kariz-Organization-Id", ORG)
                        .header("Kariz-User-Id", "user-1"))
                .andExpect(status().isConflict());
    }
}
