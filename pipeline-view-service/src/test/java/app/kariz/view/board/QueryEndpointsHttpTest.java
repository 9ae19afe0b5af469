package app.kariz.view.board;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.events.activity.Due;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.PipelineStory;
import app.kariz.view.SettableClock;
import app.kariz.view.projection.PipelineViewProjection;
import app.kariz.view.store.ViewCollections;
import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The board, stage pages, deal list, agenda and timeline paging over HTTP: their shapes, parameters and 422s.
 * Events are applied to the projection directly, as the consumer would.
 */
@SpringBootTest(properties = {
        "spring.config.name=pipeline-view-service",
        "kariz.view.consumer.enabled=false",
        "kariz.view.await-timeout=1s"})
@AutoConfigureMockMvc
class QueryEndpointsHttpTest {

    private static final String ORG = "org-1";
    private static final String PIPELINE = "pipeline-1";
    /** 23:59 on 9 March in Tehran. */
    private static final Instant NOW = Instant.parse("2026-03-09T20:29:00Z");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final InProcessMongo MONGO = InProcessMongo.start();

    @Autowired
    private MockMvc http;
    @Autowired
    private PipelineViewProjection projection;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private ViewCollections collections;
    @Autowired
    private SettableClock clock;

    @TestConfiguration
    static class FixedTime {
        @Bean
        @Primary
        SettableClock fixedClock() {
            return new SettableClock(NOW);
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("kariz.mongo.uri", MONGO::connectionString);
        registry.add("kariz.mongo.database", () -> "view_queries_http_test");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    /** Three deals on "lead": adrift, an all-day call on 10 March in Tehran, and one with a done call. */
    @BeforeEach
    void threeDeals() {
        clock.set(NOW);
        database.drop();
        collections.createIndexes();
        PipelineStory pipeline = new PipelineStory(ORG, PIPELINE);
        projection.handle(pipeline.created("Sales", List.of(
                new PipelineStage("lead", "Lead", 0, null), new PipelineStage("proposal", "Proposal", 1, null))));
        DealStory adrift = new DealStory(ORG, "adrift");
        DealStory calling = new DealStory(ORG, "calling");
        DealStory done = new DealStory(ORG, "done");
        List.of(adrift.opened("سرنخ بدون پیگیری", PIPELINE, "lead", T0),
                        calling.opened("قرارداد پشتیبانی سالانه", PIPELINE, "lead", T0.plusSeconds(1)),
                        calling.scheduled("call-1", "call", "تماس پیگیری",
                                new Due(LocalDate.parse("2026-03-10"), null, "Asia/Tehran"), "دفتر مرکزی", T0),
                        done.opened("Done deal", PIPELINE, "lead", T0.plusSeconds(2)),
                        done.scheduled("call-2", "call", "Call", new Due(LocalDate.parse("2026-03-05"),
                                LocalTime.parse("10:00"), "Asia/Tehran"), T0),
                        done.completed("call-2", "Talked", T0.plusSeconds(3)))
                .forEach(projection::handle);
    }

    @Test
    void theBoardHasCountsCountTotalsTheFirstCardsAndACursorPerStage() throws Exception {
        http.perform(as(get("/api/v1/pipelines/pipeline-1/board?limit=2")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"pipelineId": "pipeline-1", "name": "Sales", "stages": [
                          {"id": "lead", "name": "Lead", "order": 0,
                           "counts": {"NO_ACTIVITY": 2, "OVERDUE": 0, "TODAY": 0, "PLANNED": 1},
                           "count": 3, "totalValue": [{"amount": "3600.00", "currency": "IRR"}]},
                          {"id": "proposal", "counts": {"NO_ACTIVITY": 0, "OVERDUE": 0, "TODAY": 0, "PLANNED": 0},
                           "count": 0, "totalValue": [], "deals": [], "nextCursor": null}]}
                        """))
                .andExpect(jsonPath("$.stages[0].deals[*].id").value(contains("adrift", "done")))
                .andExpect(jsonPath("$.stages[0].nextCursor").isString());

        String cursor = JsonPath.read(http.perform(as(get("/api/v1/pipelines/pipeline-1/board?limit=2")))
                .andReturn().getResponse().getContentAsString(), "$.stages[0].nextCursor");
        http.perform(as(get("/api/v1/pipelines/pipeline-1/stages/lead/deals").param("cursor", cursor)
                        .param("limit", "2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deals[*].id").value(contains("calling")))
                .andExpect(jsonPath("$.deals[0].indicator").value("PLANNED"))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    }

    @Test
    void atTehranMidnightTheBoardFilterMovesTheCallFromPlannedToToday() throws Exception {
        http.perform(as(get("/api/v1/pipelines/pipeline-1/board?indicator=TODAY")))
                .andExpect(jsonPath("$.stages[0].deals").value(empty()))
                .andExpect(jsonPath("$.stages[0].count").value(0))
                .andExpect(jsonPath("$.stages[0].counts.PLANNED").value(1));

        clock.set(Instant.parse("2026-03-09T20:30:00Z"));   // 00:00 on 10 March in Tehran

        http.perform(as(get("/api/v1/pipelines/pipeline-1/board?indicator=TODAY,PLANNED")))
                .andExpect(jsonPath("$.stages[0].deals[*].id").value(contains("calling")))
                .andExpect(jsonPath("$.stages[0].deals[0].indicator").value("TODAY"))
                .andExpect(jsonPath("$.stages[0].count").value(1))
                .andExpect(jsonPath("$.stages[0].counts.TODAY").value(1))
                .andExpect(jsonPath("$.stages[0].counts.NO_ACTIVITY").value(2));
    }

    @Test
    void theDealListFiltersSearchesInPersianAndPages() throws Exception {
        http.perform(as(get("/api/v1/deals")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deals[*].id").value(contains("done", "calling", "adrift")))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
        http.perform(as(get("/api/v1/deals").param("q", "پشتیبانی")))
                .andExpect(jsonPath("$.deals[*].id").value(contains("calling")))
                .andExpect(jsonPath("$.deals[0].nextActivity.subject").value("تماس پیگیری"));
        http.perform(as(get("/api/v1/deals?indicator=NO_ACTIVITY,OVERDUE&limit=1")))
                .andExpect(jsonPath("$.deals[*].id").value(contains("adrift")))
                .andExpect(jsonPath("$.nextCursor").isString());
        http.perform(as(get("/api/v1/deals?status=open&ownerId=owner-1&pipelineId=pipeline-1&limit=2")))
                .andExpect(jsonPath("$.deals[*].id").value(contains("done", "calling")));
    }

    @Test
    void theAgendaDefaultsToTheCallerAndTodayInTheCallersZone() throws Exception {
        http.perform(as("assignee-1", get("/api/v1/agenda")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"assigneeId": "assignee-1", "date": "2026-03-09", "timeZone": "Asia/Tehran",
                         "overdue": [], "overdueCount": 0, "overdueNextCursor": null,
                         "today": [], "todayCount": 0, "todayNextCursor": null}
                        """, true));

        clock.set(Instant.parse("2026-03-09T20:31:00Z"));   // 00:01 on 10 March in Tehran

        http.perform(as("assignee-1", get("/api/v1/agenda")))
                .andExpect(content().json("""
                        {"assigneeId": "assignee-1", "date": "2026-03-10", "overdue": [],
                         "today": [{"id": "call-1", "type": "call", "subject": "تماس پیگیری", "dueDate": "2026-03-10",
                                    "dueTime": null, "timeZone": "Asia/Tehran", "state": "TODAY", "dealId": "calling",
                                    "dealTitle": "قرارداد پشتیبانی سالانه", "location": "دفتر مرکزی"}],
                         "todayCount": 1, "todayNextCursor": null, "overdueCount": 0, "overdueNextCursor": null}
                        """));
        http.perform(as(get("/api/v1/agenda?assigneeId=assignee-1&date=2026-03-10"))
                        .header(IdentityHeaders.TIME_ZONE, "America/New_York"))
                .andExpect(jsonPath("$.timeZone").value("America/New_York"))
                .andExpect(jsonPath("$.today[*].id").value(contains("call-1")));
        http.perform(as(get("/api/v1/agenda?assigneeId=someone-else")))
                .andExpect(jsonPath("$.today").value(empty()));
    }

    @Test
    void theAgendaPagesOverdueAndTodayWithTheirCountsAndCursors() throws Exception {
        DealStory calling = new DealStory(ORG, "calling");
        for (int i = 0; i < 5; i++) {   // all due at the same instant and scheduled at the same one: only ids differ
            projection.handle(calling.scheduled("late-" + i, "call", "Call " + i,
                    new Due(LocalDate.parse("2026-03-08"), LocalTime.parse("09:00"), "Asia/Tehran"), T0));
        }
        for (int i = 0; i < 3; i++) {
            projection.handle(calling.scheduled("today-" + i, "call", "Call " + i,
                    new Due(LocalDate.parse("2026-03-09"), null, "Asia/Tehran"), T0.plusSeconds(i)));
        }

        List<String> overdue = new ArrayList<>();
        String cursor = null;
        do {
            MockHttpServletRequestBuilder request = get("/api/v1/agenda?assigneeId=assignee-1&limit=2");
            if (cursor != null) {
                request.param("overdueCursor", cursor);
            }
            String body = http.perform(as(request))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.overdueCount").value(5))
                    .andExpect(jsonPath("$.today[*].id").value(contains("today-0", "today-1")))
                    .andExpect(jsonPath("$.todayCount").value(3))
                    .andExpect(jsonPath("$.todayNextCursor").isString())
                    .andReturn().getResponse().getContentAsString();
            overdue.addAll(JsonPath.read(body, "$.overdue[*].id"));
            cursor = JsonPath.read(body, "$.overdueNextCursor");
        } while (cursor != null);
        assertThat(overdue).containsExactly("late-0", "late-1", "late-2", "late-3", "late-4");

        String first = http.perform(as(get("/api/v1/agenda?assigneeId=assignee-1&limit=2")))
                .andReturn().getResponse().getContentAsString();
        http.perform(as(get("/api/v1/agenda?assigneeId=assignee-1&limit=2")
                        .param("todayCursor", (String) JsonPath.read(first, "$.todayNextCursor"))))
                .andExpect(jsonPath("$.today[*].id").value(contains("today-2")))
                .andExpect(jsonPath("$.todayNextCursor").value(nullValue()))
                .andExpect(jsonPath("$.overdue[*].id").value(contains("late-0", "late-1")));
        http.perform(as(get("/api/v1/agenda?assigneeId=assignee-1")))
                .andExpect(jsonPath("$.overdue.length()").value(5))
                .andExpect(jsonPath("$.overdueNextCursor").value(nullValue()));
        http.perform(as(get("/api/v1/agenda?assigneeId=assignee-1&limit=2")
                        .param("todayCursor", (String) JsonPath.read(first, "$.overdueNextCursor"))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("todayCursor"));
    }

    @Test
    void theTimelinePagesItsHistory() throws Exception {
        String body = http.perform(as(get("/api/v1/deals/done/timeline?limit=2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[*].type").value(contains("ACTIVITY_COMPLETED", "DEAL_OPENED")))
                .andExpect(jsonPath("$.planned").value(empty()))
                .andReturn().getResponse().getContentAsString();
        http.perform(as(get("/api/v1/deals/done/timeline").param("cursor",
                        (String) JsonPath.read(body, "$.nextCursor"))))
                .andExpect(jsonPath("$.history[*].type").value(contains("ACTIVITY_SCHEDULED")))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    }

    @Test
    void invalidParametersAnswer422NamingTheField() throws Exception {
        List<List<String>> cases = List.of(
                List.of("/api/v1/pipelines/pipeline-1/board?limit=0", "limit"),
                List.of("/api/v1/pipelines/pipeline-1/board?limit=201", "limit"),
                List.of("/api/v1/pipelines/pipeline-1/board?limit=ten", "limit"),
                List.of("/api/v1/pipelines/pipeline-1/board?indicator=TODAY,LATE", "indicator"),
                List.of("/api/v1/pipelines/pipeline-1/stages/lead/deals?cursor=nonsense", "cursor"),
                List.of("/api/v1/pipelines/pipeline-1/stages/lead/deals?limit=500", "limit"),
                List.of("/api/v1/deals?status=CLOSED", "status"),
                List.of("/api/v1/deals?indicator=RED", "indicator"),
                List.of("/api/v1/deals?cursor=bm9wZQ", "cursor"),
                List.of("/api/v1/deals?limit=-1", "limit"),
                List.of("/api/v1/agenda?date=10-03-2026", "date"),
                List.of("/api/v1/agenda?limit=0", "limit"),
                List.of("/api/v1/agenda?limit=501", "limit"),
                List.of("/api/v1/agenda?limit=many", "limit"),
                List.of("/api/v1/agenda?overdueCursor=nonsense", "overdueCursor"),
                List.of("/api/v1/agenda?todayCursor=bm9wZQ", "todayCursor"),
                List.of("/api/v1/deals/done/timeline?limit=501", "limit"),
                List.of("/api/v1/deals/done/timeline?cursor=%25%25", "cursor"));
        for (List<String> invalid : cases) {
            http.perform(as(get(invalid.get(0))))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:invalid-input"))
                    .andExpect(jsonPath("$.errors[0].field").value(invalid.get(1)));
        }
    }

    @Test
    void unknownPipelinesAndStagesAreNotFound() throws Exception {
        for (String path : List.of("/api/v1/pipelines/nope/board", "/api/v1/pipelines/nope/stages/lead/deals",
                "/api/v1/pipelines/pipeline-1/stages/nope/deals")) {
            http.perform(as(get(path))).andExpect(status().isNotFound());
        }
        http.perform(get("/api/v1/pipelines/pipeline-1/board").header(IdentityHeaders.ORGANIZATION, "org-2")
                        .header(IdentityHeaders.USER, "user-1").header(IdentityHeaders.ROLE, "ADMIN")
                        .header(IdentityHeaders.VISIBILITY, "EVERYONE"))
                .andExpect(status().isNotFound());
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return as("user-1", request);
    }

    private static MockHttpServletRequestBuilder as(String userId, MockHttpServletRequestBuilder request) {
        return request.header(IdentityHeaders.ORGANIZATION, ORG).header(IdentityHeaders.USER, userId)
                .header(IdentityHeaders.ROLE, "ADMIN").header(IdentityHeaders.VISIBILITY, "EVERYONE");
    }
}
