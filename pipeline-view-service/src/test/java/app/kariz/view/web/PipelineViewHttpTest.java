package app.kariz.view.web;

import app.kariz.events.activity.Due;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.events.Position;
import app.kariz.support.web.Caller;
import app.kariz.view.DealStory;
import app.kariz.view.InProcessMongo;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
        projection.handle(DealStory.pipelineCreated(ORG, PIPELINE, "Sales", List.of(
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
                         "wonAt": null, "lostAt": null, "lostReason": null}
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
                "/api/v1/pipelines/pipeline-1/board")) {
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

    private static MockHttpServletRequestBuilder as(String organizationId, MockHttpServletRequestBuilder request) {
        return request.header(Caller.ORGANIZATION_HEADER, organizationId).header(Caller.USER_HEADER, "user-1");
    }

    private static String jsonTitle(MvcResult result) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$.title");
    }
}
