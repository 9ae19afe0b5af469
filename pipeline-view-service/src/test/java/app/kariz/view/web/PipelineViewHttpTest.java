package app.kariz.view.web;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.events.Position;
import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.Money;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.PipelineStory;
import app.kariz.view.SettableClock;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.consistency.AwaitAppliedPositions;
import app.kariz.view.projection.PipelineViewProjection;
import app.kariz.view.store.ViewCollections;
import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service's HTTP API over the whole application context with MongoDB in process and Kafka left out: the
 * test applies events to the projection itself, as the consumer would.
 */
@SpringBootTest(properties = {
        "spring.config.name=pipeline-view-service",
        "kariz.view.consumer.enabled=false",
        "kariz.view.await-timeout=1s"})
@AutoConfigureMockMvc
class PipelineViewHttpTest {

    private static final String ORG = "org-1";
    private static final String PIPELINE = "pipeline-1";
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Due TODAY_14_30 =
            new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("14:30"), "Asia/Tehran");
    private static final Due TOMORROW_ALL_DAY = new Due(LocalDate.parse("2026-11-28"), null, "Asia/Tehran");
    private static final InProcessMongo MONGO = InProcessMongo.start();

    @Autowired
    private MockMvc http;
    @Autowired
    private PipelineViewProjection projection;
    @Autowired
    private AppliedPositions positions;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private ViewCollections collections;
    private final ExecutorService clients = Executors.newSingleThreadExecutor();
    private DealStory deal;
    private PipelineStory pipeline;

    @TestConfiguration
    static class FixedTime {
        @Bean
        @Primary
        Clock fixedClock() {
            return new SettableClock(NOW);
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("kariz.mongo.uri", MONGO::connectionString);
        registry.add("kariz.mongo.database", () -> "view_http_test");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void salesPipelineWithOneDeal() {
        database.drop();
        collections.createIndexes();
        pipeline = new PipelineStory(ORG, PIPELINE);
        projection.handle(pipeline.created("Sales", List.of(
                new PipelineStage("lead", "Lead", 0, null), new PipelineStage("proposal", "Proposal", 1, null))));
        deal = new DealStory(ORG, "deal-1");
        List.of(deal.opened("Big order", PIPELINE, "lead", T0),
                        deal.scheduled("call-1", "call", "Call about the quote", TODAY_14_30, T0.plusSeconds(60)),
                        deal.scheduled("demo-1", "meeting", "قرار جلسه هفته بعد", TOMORROW_ALL_DAY,
                                T0.plusSeconds(120)),
                        deal.moved("proposal", T0.plusSeconds(180)))
                .forEach(projection::handle);
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void aDealCardHasTheContractsShape() throws Exception {
        http.perform(as(ORG, get("/api/v1/deals/deal-1")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().doesNotExist(AwaitAppliedPositions.STALE_HEADER))
                .andExpect(content().json("""
                        {"id": "deal-1", "title": "Big order", "pipelineId": "pipeline-1", "stageId": "proposal",
                         "status": "OPEN", "indicator": "TODAY",
                         "nextActivity": {"id": "call-1", "type": "call", "subject": "Call about the quote",
                                          "dueDate": "2026-11-27", "dueTime": "14:30", "timeZone": "Asia/Tehran"},
                         "openActivityCount": 2, "doneActivityCount": 0,
                         "value": {"amount": "1200.00", "currency": "IRR"},
                         "ownerId": "owner-1", "createdAt": "2026-11-20T09:00:00Z",
                         "personName": "Sara Ahmadi", "organizationName": "Kariz Co",
                         "expectedCloseDate": "2026-12-31", "stageEnteredAt": "2026-11-20T09:03:00Z",
                         "wonAt": null, "lostAt": null, "lostReason": null,
                         "version": 1, "rotten": false, "rottenSince": null}
                        """, true));
    }

    @Test
    void aTimelineListsPlannedActivitiesEarliestFirstAndHistoryNewestFirst() throws Exception {
        http.perform(as(ORG, get("/api/v1/deals/deal-1/timeline")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.planned[*].id").value(contains("call-1", "demo-1")))
                .andExpect(jsonPath("$.planned[0].state").value("TODAY"))
                .andExpect(jsonPath("$.planned[1].subject").value("قرار جلسه هفته بعد"))
                .andExpect(jsonPath("$.planned[1].dueTime").value(nullValue()))
                .andExpect(jsonPath("$.history[*].type").value(contains("STAGE_CHANGED",
                        "ACTIVITY_SCHEDULED", "ACTIVITY_SCHEDULED", "DEAL_OPENED")))
                .andExpect(jsonPath("$.history[0].fromStageName").value("Lead"))
                .andExpect(jsonPath("$.history[0].toStageName").value("Proposal"))
                .andExpect(jsonPath("$.history[0].at").value("2026-11-20T09:03:00Z"))
                .andExpect(jsonPath("$.history[0].by").value(DealStory.USER))
                .andExpect(jsonPath("$.history[1].due.dueDate").value("2026-11-28"))
                .andExpect(jsonPath("$.history[1].activityType").value("meeting"));
    }

    @Test
    void aBoardShowsEveryStageWithCountsAndCards() throws Exception {
        http.perform(as(ORG, get("/api/v1/pipelines/pipeline-1/board")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pipelineId").value(PIPELINE))
                .andExpect(jsonPath("$.name").value("Sales"))
                .andExpect(jsonPath("$.stages[*].id").value(contains("lead", "proposal")))
                .andExpect(jsonPath("$.stages[0].deals").isEmpty())
                .andExpect(jsonPath("$.stages[0].counts.NO_ACTIVITY").value(0))
                .andExpect(jsonPath("$.stages[1].name").value("Proposal"))
                .andExpect(jsonPath("$.stages[1].order").value(1))
                .andExpect(jsonPath("$.stages[1].counts.TODAY").value(1))
                .andExpect(jsonPath("$.stages[1].counts.OVERDUE").value(0))
                .andExpect(jsonPath("$.stages[1].deals[0].id").value("deal-1"))
                .andExpect(jsonPath("$.stages[1].deals[0].indicator").value("TODAY"));
    }

    @Test
    void anotherOrganisationsIdsAnswerLikeUnknownOnes() throws Exception {
        for (String path : List.of("/api/v1/deals/deal-1", "/api/v1/deals/deal-1/timeline",
                "/api/v1/pipelines/pipeline-1/board", "/api/v1/activities/call-1")) {
            MvcResult unknown = http.perform(as(ORG, get(path.replace("-1", "-404"))))
                    .andExpect(status().isNotFound()).andReturn();
            http.perform(as("org-2", get(path)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:not-found"))
                    .andExpect(jsonPath("$.title").value(
                            equalTo(jsonTitle(unknown))));
        }
    }

    @Test
    void aRequestWithoutTheGatewaysCallerHeadersIsUnauthenticated() throws Exception {
        http.perform(get("/api/v1/deals/deal-1")).andExpect(status().isUnauthorized());
    }

    @Test
    void aReadNamingAPositionWaitsUntilTheWriteIsApplied() throws Exception {
        DealStory newDeal = new DealStory(ORG, "deal-2");
        Future<MvcResult> read = clients.submit(() -> http.perform(as(ORG, get("/api/v1/deals/deal-2"))
                .header(Position.AWAIT_HEADER, "deal:deal-2:0")).andReturn());
        await().atMost(Duration.ofSeconds(5)).until(() -> positions.waiting() == 1);

        projection.handle(newDeal.opened("Written just now", PIPELINE, "lead", T0));

        MvcResult result = read.get(5, TimeUnit.SECONDS);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("Written just now");
        assertThat(result.getResponse().getHeader(AwaitAppliedPositions.STALE_HEADER)).isNull();
    }

    @Test
    void aReadWhoseWriteIsNotAppliedInTimeIsAnsweredMarkedStale() throws Exception {
        http.perform(as(ORG, get("/api/v1/deals/deal-1")).header(Position.AWAIT_HEADER, "deal:deal-1:9"))
                .andExpect(status().isOk())
                .andExpect(header().string(AwaitAppliedPositions.STALE_HEADER, "true"))
                .andExpect(jsonPath("$.stageId").value("proposal"));
    }

    @Test
    void aReadNamingAppliedPositionsIsAnsweredFresh() throws Exception {
        http.perform(as(ORG, get("/api/v1/pipelines/pipeline-1/board"))
                        .header(Position.AWAIT_HEADER, "deal:deal-1:1, activity:demo-1:0,unknown:x:3,garbage"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(AwaitAppliedPositions.STALE_HEADER));
    }

    @Test
    void aDealCardsETagIsItsVersionWhichOnlyDealEventsAdvance() throws Exception {
        http.perform(as(ORG, get("/api/v1/deals/deal-1")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.version").value(1));

        List.of(deal.completed("call-1", "Done", T0.plusSeconds(240)),
                        deal.cancelled("demo-1", "BY_USER", T0.plusSeconds(250)))
                .forEach(projection::handle);
        http.perform(as(ORG, get("/api/v1/deals/deal-1")))
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.doneActivityCount").value(1));

        projection.handle(deal.updated(deal.fields(), T0.plusSeconds(300)));
        http.perform(as(ORG, get("/api/v1/deals/deal-1")))
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
    }

    /** The indicator and rotting change with the clock while the version stays: a card is never "not modified". */
    @Test
    void aMatchingIfNoneMatchStillGetsTheWholeCard() throws Exception {
        http.perform(as(ORG, get("/api/v1/deals/deal-1")).header(HttpHeaders.IF_NONE_MATCH, "\"1\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.indicator").value("TODAY"));
    }

    @Test
    void aDeletedDealIsNotFoundOnItsCardOrTimelineAndLeavesTheBoard() throws Exception {
        projection.handle(deal.deleted(T0.plusSeconds(600)));
        projection.handle(deal.cancelled("call-1", "DEAL_DELETED", T0.plusSeconds(601)));

        http.perform(as(ORG, get("/api/v1/deals/deal-1")).header(Position.AWAIT_HEADER, "deal:deal-1:2"))
                .andExpect(status().isNotFound())
                .andExpect(header().doesNotExist(AwaitAppliedPositions.STALE_HEADER))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(as(ORG, get("/api/v1/deals/deal-1/timeline")))
                .andExpect(status().isNotFound());
        http.perform(as(ORG, get("/api/v1/activities/call-1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:not-found"));
        http.perform(as(ORG, get("/api/v1/pipelines/pipeline-1/board")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stages[1].deals").value(empty()))
                .andExpect(jsonPath("$.stages[1].counts.TODAY").value(0));
    }

    @Test
    void aDeletedPipelineHasNoBoard() throws Exception {
        projection.handle(deal.deleted(T0.plusSeconds(600)));
        projection.handle(pipeline.deleted());

        http.perform(as(ORG, get("/api/v1/pipelines/pipeline-1/board")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:not-found"));
    }

    @Test
    void theBoardFollowsRenamesReorderingStageRemovalAndMovesToAnotherPipeline() throws Exception {
        PipelineStory partners = new PipelineStory(ORG, "partners");
        List.of(pipeline.renamed("فروش"),
                        pipeline.stageAdded("demo", "Demo", 10, 2),
                        pipeline.reordered(List.of("demo", "proposal", "lead")),
                        pipeline.stageUpdated("proposal", "پیشنهاد", 30),
                        partners.created("Partners", List.of(new PipelineStage("intro", "Intro", 0, null))))
                .forEach(projection::handle);
        http.perform(as(ORG, get("/api/v1/pipelines/pipeline-1/board")))
                .andExpect(jsonPath("$.name").value("فروش"))
                .andExpect(jsonPath("$.stages[*].id").value(contains("demo", "proposal", "lead")))
                .andExpect(jsonPath("$.stages[*].order").value(contains(0, 1, 2)))
                .andExpect(jsonPath("$.stages[1].name").value("پیشنهاد"))
                .andExpect(jsonPath("$.stages[1].rottenAfterDays").value(30))
                .andExpect(jsonPath("$.stages[1].deals[*].id").value(contains("deal-1")));

        List.of(deal.movedTo("partners", "intro", T0.plusSeconds(600)), pipeline.stageRemoved("lead", null))
                .forEach(projection::handle);

        http.perform(as(ORG, get("/api/v1/pipelines/pipeline-1/board")))
                .andExpect(jsonPath("$.stages[*].id").value(contains("demo", "proposal")))
                .andExpect(jsonPath("$.stages[1].deals").value(empty()));
        http.perform(as(ORG, get("/api/v1/pipelines/partners/board")))
                .andExpect(jsonPath("$.stages[0].deals[*].id").value(contains("deal-1")))
                .andExpect(jsonPath("$.stages[0].deals[0].pipelineId").value("partners"));
    }

    @Test
    void aDealLeftUntouchedLongerThanItsStageAllowsIsRotten() throws Exception {
        // deal-1 entered "proposal" at 09:03 on 20 November; five days later it rots, before NOW (27 November).
        projection.handle(pipeline.stageUpdated("proposal", "Proposal", 5));

        http.perform(as(ORG, get("/api/v1/deals/deal-1")))
                .andExpect(jsonPath("$.rotten").value(true))
                .andExpect(jsonPath("$.rottenSince").value("2026-11-25T09:03:00Z"))
                .andExpect(jsonPath("$.stageEnteredAt").value("2026-11-20T09:03:00Z"));
        http.perform(as(ORG, get("/api/v1/pipelines/pipeline-1/board")))
                .andExpect(jsonPath("$.stages[1].rottenAfterDays").value(5))
                .andExpect(jsonPath("$.stages[1].deals[0].rotten").value(true))
                .andExpect(jsonPath("$.stages[1].deals[0].rottenSince").value("2026-11-25T09:03:00Z"));
    }

    @Test
    void theTimelineShowsEditsMovesWithTheirTimeInStageAndCancellations() throws Exception {
        DealFields before = deal.fields();
        List.of(deal.updated(new DealFields(before.title(), new Money(new BigDecimal("950.00"), "EUR"),
                                before.ownerId(), "سارا احمدی", before.organizationName(), LocalDate.parse("2027-02-01")),
                        T0.plusSeconds(400)),
                deal.cancelled("demo-1", "BY_USER", T0.plusSeconds(500))).forEach(projection::handle);

        http.perform(as(ORG, get("/api/v1/deals/deal-1/timeline")))
                .andExpect(jsonPath("$.planned[*].id").value(contains("call-1")))
                .andExpect(jsonPath("$.history[*].type").value(contains("ACTIVITY_CANCELLED", "DEAL_UPDATED",
                        "STAGE_CHANGED", "ACTIVITY_SCHEDULED", "ACTIVITY_SCHEDULED", "DEAL_OPENED")))
                .andExpect(content().json("""
                        {"history": [
                          {"type": "ACTIVITY_CANCELLED", "at": "2026-11-20T09:08:20Z", "by": "user-1",
                           "activityId": "demo-1", "activityType": "meeting", "subject": "قرار جلسه هفته بعد",
                           "reason": "BY_USER"},
                          {"type": "DEAL_UPDATED", "at": "2026-11-20T09:06:40Z", "by": "user-1", "changes": [
                            {"field": "value", "from": {"amount": "1200.00", "currency": "IRR"},
                                               "to": {"amount": "950.00", "currency": "EUR"}},
                            {"field": "personName", "from": "Sara Ahmadi", "to": "سارا احمدی"},
                            {"field": "expectedCloseDate", "from": "2026-12-31", "to": "2027-02-01"}]},
                          {"type": "STAGE_CHANGED", "at": "2026-11-20T09:03:00Z",
                           "fromPipelineId": "pipeline-1", "fromStageId": "lead", "fromStageName": "Lead",
                           "toPipelineId": "pipeline-1", "toStageId": "proposal", "toStageName": "Proposal",
                           "timeInStage": "PT3M", "timeInStageSeconds": 180},
                          {}, {}, {}]}
                        """));
    }

    @Test
    void anActivityHasAllItsFieldsItsStateAndItsVersionAsETag() throws Exception {
        projection.handle(deal.activityUpdated("call-1", new ActivityFields("call", "Call about the quote", 30,
                "assignee-1", "note", "دفتر مرکزی"), T0.plusSeconds(200)));

        http.perform(as(ORG, get("/api/v1/activities/call-1")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(content().json("""
                        {"id": "call-1", "dealId": "deal-1", "dealTitle": "Big order", "type": "call",
                         "subject": "Call about the quote", "dueDate": "2026-11-27", "dueTime": "14:30",
                         "timeZone": "Asia/Tehran", "durationMinutes": 30, "assigneeId": "assignee-1",
                         "note": "note", "location": "دفتر مرکزی", "status": "OPEN", "state": "TODAY",
                         "result": null, "completedAt": null, "cancelledAt": null, "postponeCount": 0,
                         "scheduledAt": "2026-11-20T09:01:00Z", "scheduledBy": "user-1", "version": 1}
                        """, true));
    }

    @Test
    void aDoneActivityShowsItsResultAndNoState() throws Exception {
        projection.handle(deal.completed("demo-1", "قرار جلسه هفته بعد", T0.plusSeconds(300)));

        http.perform(as(ORG, get("/api/v1/activities/demo-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.state").value(nullValue()))
                .andExpect(jsonPath("$.dueTime").value(nullValue()))
                .andExpect(jsonPath("$.result").value("قرار جلسه هفته بعد"))
                .andExpect(jsonPath("$.completedAt").value("2026-11-20T09:05:00Z"));
    }

    @Test
    void aReadOfAnActivityWaitsUntilItsRescheduleIsApplied() throws Exception {
        Future<MvcResult> read = clients.submit(() -> http.perform(as(ORG, get("/api/v1/activities/demo-1"))
                .header(Position.AWAIT_HEADER, "activity:demo-1:1")).andReturn());
        await().atMost(Duration.ofSeconds(5)).until(() -> positions.waiting() == 1);

        projection.handle(deal.rescheduled("demo-1",
                new Due(LocalDate.parse("2026-11-26"), LocalTime.parse("16:00"), "Asia/Tehran"), T0.plusSeconds(300)));

        MvcResult result = read.get(5, TimeUnit.SECONDS);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader(AwaitAppliedPositions.STALE_HEADER)).isNull();
        String body = result.getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(body, "$.dueDate")).isEqualTo("2026-11-26");
        assertThat(JsonPath.<String>read(body, "$.state")).isEqualTo("OVERDUE");
        assertThat(JsonPath.<Integer>read(body, "$.postponeCount")).isZero();
    }

    @Test
    void theTimelineShowsReschedulesEditsAndReopensAndPlannedLocations() throws Exception {
        List.of(deal.rescheduled("call-1", new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("09:00"),
                                "Asia/Tehran"), T0.plusSeconds(400)),
                        deal.activityUpdated("call-1", new ActivityFields("call", "Call the CFO", 30, "assignee-1",
                                "note", "Their office"), T0.plusSeconds(500)),
                        deal.completed("call-1", "Done", T0.plusSeconds(600)),
                        deal.activityReopened("call-1", T0.plusSeconds(700)))
                .forEach(projection::handle);

        http.perform(as(ORG, get("/api/v1/deals/deal-1/timeline")))
                .andExpect(jsonPath("$.planned[*].id").value(contains("call-1", "demo-1")))
                .andExpect(jsonPath("$.planned[0].location").value("Their office"))
                .andExpect(jsonPath("$.planned[0].state").value("OVERDUE"))
                .andExpect(jsonPath("$.planned[1].location").value(nullValue()))
                .andExpect(jsonPath("$.history[*].type").value(contains("ACTIVITY_REOPENED", "ACTIVITY_COMPLETED",
                        "ACTIVITY_UPDATED", "ACTIVITY_RESCHEDULED", "STAGE_CHANGED", "ACTIVITY_SCHEDULED",
                        "ACTIVITY_SCHEDULED", "DEAL_OPENED")))
                .andExpect(content().json("""
                        {"history": [
                          {"type": "ACTIVITY_REOPENED", "at": "2026-11-20T09:11:40Z", "by": "user-1",
                           "activityId": "call-1", "activityType": "call", "subject": "Call the CFO"},
                          {"type": "ACTIVITY_COMPLETED", "result": "Done"},
                          {"type": "ACTIVITY_UPDATED", "at": "2026-11-20T09:08:20Z", "activityId": "call-1",
                           "activityType": "call", "subject": "Call the CFO", "changes": [
                             {"field": "subject", "from": "Call about the quote", "to": "Call the CFO"},
                             {"field": "location", "from": null, "to": "Their office"}]},
                          {"type": "ACTIVITY_RESCHEDULED", "at": "2026-11-20T09:06:40Z", "activityId": "call-1",
                           "activityType": "call", "subject": "Call the CFO",
                           "from": {"dueDate": "2026-11-27", "dueTime": "14:30", "timeZone": "Asia/Tehran"},
                           "to": {"dueDate": "2026-11-27", "dueTime": "09:00", "timeZone": "Asia/Tehran"}},
                          {}, {}, {}, {}]}
                        """));
    }

    private static MockHttpServletRequestBuilder as(String organizationId, MockHttpServletRequestBuilder request) {
        return request.header(IdentityHeaders.ORGANIZATION, organizationId).header(IdentityHeaders.USER, "user-1")
                .header(IdentityHeaders.ROLE, "ADMIN").header(IdentityHeaders.VISIBILITY, "EVERYONE");
    }

    private static String jsonTitle(MvcResult result) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$.title");
    }
}
