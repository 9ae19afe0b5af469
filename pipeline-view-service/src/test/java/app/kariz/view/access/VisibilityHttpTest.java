package app.kariz.view.access;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.Money;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a member restricted to their own deals (role MEMBER, visibility OWNER_AND_MANAGERS) gets from each read
 * endpoint, against a manager and the same member under EVERYONE, and what another organisation gets.
 */
@SpringBootTest(properties = {
        "spring.config.name=pipeline-view-service",
        "kariz.view.consumer.enabled=false",
        "kariz.view.await-timeout=1s"})
@AutoConfigureMockMvc
class VisibilityHttpTest {

    private static final String ORG = "org-1";
    private static final String PIPELINE = "pipeline-1";
    private static final String MEMBER = "member-1";
    private static final String COLLEAGUE = "assignee-1";
    /** 11:30 on 27 November in Tehran. */
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Due YESTERDAY = new Due(LocalDate.parse("2026-11-26"), null, "Asia/Tehran");
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
        registry.add("kariz.mongo.database", () -> "view_visibility_http_test");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    /**
     * "mine" (the member's, 1000.00 IRR) with the member's overdue call; "theirs" (owner-1's, 1200.00 IRR) with
     * the colleague's overdue call and one call assigned to the member.
     */
    @BeforeEach
    void aDealOfTheMemberAndOneOfSomeoneElse() {
        clock.set(NOW);
        database.drop();
        collections.createIndexes();
        projection.handle(new PipelineStory(ORG, PIPELINE).created("Sales", List.of(
                new PipelineStage("lead", "Lead", 0, null), new PipelineStage("proposal", "Proposal", 1, null))));
        DealStory mine = new DealStory(ORG, "mine");
        DealStory theirs = new DealStory(ORG, "theirs");
        List.of(mine.opened("Support contract", PIPELINE, "lead", T0),
                        mine.updated(ownedBy(mine.fields(), MEMBER, "1000.00"), T0.plusSeconds(1)),
                        mine.scheduled("my-call", "call", "My call", YESTERDAY, T0.plusSeconds(2)),
                        mine.activityUpdated("my-call", assignedTo(mine.fieldsOf("my-call"), MEMBER),
                                T0.plusSeconds(3)),
                        theirs.opened("Support renewal", PIPELINE, "lead", T0.plusSeconds(4)),
                        theirs.scheduled("their-call", "call", "Their call", YESTERDAY, T0.plusSeconds(5)),
                        theirs.scheduled("member-call", "call", "Member's call", YESTERDAY, T0.plusSeconds(6)),
                        theirs.activityUpdated("member-call", assignedTo(theirs.fieldsOf("member-call"), MEMBER),
                                T0.plusSeconds(7)))
                .forEach(projection::handle);
    }

    @Test
    void theRestrictedBoardAndStagePageShowCountAndTotalOnlyTheMembersDeals() throws Exception {
        http.perform(member(get("/api/v1/pipelines/pipeline-1/board")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"stages": [{"id": "lead", "count": 1,
                                     "counts": {"NO_ACTIVITY": 0, "OVERDUE": 1, "TODAY": 0, "PLANNED": 0},
                                     "totalValue": [{"amount": "1000.00", "currency": "IRR"}]},
                                    {"id": "proposal", "count": 0, "totalValue": []}]}
                        """))
                .andExpect(jsonPath("$.stages[0].deals[*].id").value(contains("mine")));
        http.perform(member(get("/api/v1/pipelines/pipeline-1/stages/lead/deals")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deals[*].id").value(contains("mine")));

        http.perform(manager(get("/api/v1/pipelines/pipeline-1/board")))
                .andExpect(jsonPath("$.stages[0].count").value(2))
                .andExpect(jsonPath("$.stages[0].totalValue[0].amount").value("2200.00"));
    }

    @Test
    void aRestrictedOwnerFilterNamingSomeoneElseIsEmptyEverywhere() throws Exception {
        http.perform(member(get("/api/v1/pipelines/pipeline-1/board?ownerId=owner-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stages[0].deals").value(empty()))
                .andExpect(jsonPath("$.stages[0].count").value(0))
                .andExpect(jsonPath("$.stages[0].counts.OVERDUE").value(0))
                .andExpect(jsonPath("$.stages[0].totalValue").value(empty()));
        http.perform(member(get("/api/v1/pipelines/pipeline-1/stages/lead/deals?ownerId=owner-1")))
                .andExpect(jsonPath("$.deals").value(empty()));
        http.perform(member(get("/api/v1/deals?ownerId=owner-1")))
                .andExpect(jsonPath("$.deals").value(empty()));

        http.perform(manager(get("/api/v1/deals?ownerId=owner-1")))
                .andExpect(jsonPath("$.deals[*].id").value(contains("theirs")));
    }

    @Test
    void theRestrictedDealListAndSearchFindOnlyTheMembersDeals() throws Exception {
        http.perform(member(get("/api/v1/deals")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deals[*].id").value(contains("mine")));
        http.perform(member(get("/api/v1/deals?q=support&indicator=OVERDUE")))
                .andExpect(jsonPath("$.deals[*].id").value(contains("mine")));

        http.perform(manager(get("/api/v1/deals?q=support")))
                .andExpect(jsonPath("$.deals[*].id").value(containsInAnyOrder("mine", "theirs")));
    }

    @Test
    void someoneElsesDealAndTimelineAnswerExactlyLikeAnUnknownId() throws Exception {
        http.perform(member(get("/api/v1/deals/mine"))).andExpect(status().isOk());
        http.perform(member(get("/api/v1/deals/mine/timeline")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[*].type").value(contains("ACTIVITY_UPDATED", "ACTIVITY_SCHEDULED",
                        "DEAL_UPDATED", "DEAL_OPENED")));

        for (String path : List.of("/api/v1/deals/%s", "/api/v1/deals/%s/timeline")) {
            String hidden = http.perform(member(get(path.formatted("theirs"))))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andReturn().getResponse().getContentAsString();
            String unknown = http.perform(member(get(path.formatted("nothing"))))
                    .andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString();
            assertThat(hidden.replace("theirs", "ID"))
                    .isEqualTo(unknown.replace("nothing", "ID"));
        }
    }

    @Test
    void aRestrictedMemberSeesOnlyActivitiesAssignedToThem() throws Exception {
        http.perform(member(get("/api/v1/activities/my-call"))).andExpect(status().isOk());
        // On someone else's deal, but assigned to the member.
        http.perform(member(get("/api/v1/activities/member-call"))).andExpect(status().isOk());
        String hidden = http.perform(member(get("/api/v1/activities/their-call")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:not-found"))
                .andReturn().getResponse().getContentAsString();
        String unknown = http.perform(member(get("/api/v1/activities/nothing")))
                .andReturn().getResponse().getContentAsString();
        assertThat(hidden.replace("their-call", "ID"))
                .isEqualTo(unknown.replace("nothing", "ID"));
    }

    @Test
    void aRestrictedMembersAgendaIsTheirOwnAndAskingForSomeoneElsesIsForbidden() throws Exception {
        http.perform(member(get("/api/v1/agenda")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeId").value(MEMBER))
                .andExpect(jsonPath("$.overdue[*].id").value(containsInAnyOrder("my-call", "member-call")));
        http.perform(member(get("/api/v1/agenda?assigneeId=" + MEMBER))).andExpect(status().isOk());
        String firstPage = http.perform(member(get("/api/v1/agenda?limit=1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdueCount").value(2))
                .andExpect(jsonPath("$.overdue[*].id").value(contains("my-call")))
                .andReturn().getResponse().getContentAsString();
        http.perform(member(get("/api/v1/agenda?limit=1").param("overdueCursor",
                        (String) JsonPath.read(firstPage, "$.overdueNextCursor"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdueCount").value(2))
                .andExpect(jsonPath("$.overdue[*].id").value(contains("member-call")))
                .andExpect(jsonPath("$.overdueNextCursor").value(nullValue()));
        http.perform(member(get("/api/v1/agenda?assigneeId=" + COLLEAGUE + "&limit=1").param("overdueCursor",
                        (String) JsonPath.read(firstPage, "$.overdueNextCursor"))))
                .andExpect(status().isForbidden());

        http.perform(member(get("/api/v1/agenda?assigneeId=" + COLLEAGUE)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:forbidden"))
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").isString())
                .andExpect(jsonPath("$.errors[0].field").value("assigneeId"));

        http.perform(manager(get("/api/v1/agenda?assigneeId=" + COLLEAGUE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue[*].id").value(contains("their-call")))
                .andExpect(jsonPath("$.overdueCount").value(1));
    }

    @Test
    void managersAdminsAndEveryoneVisibilitySeeEverything() throws Exception {
        List<MockHttpServletRequestBuilder> unrestricted = List.of(
                as(MEMBER, "MANAGER", "OWNER_AND_MANAGERS", get("/api/v1/deals/theirs")),
                as(MEMBER, "ADMIN", "OWNER_AND_MANAGERS", get("/api/v1/deals/theirs")),
                as(MEMBER, "MEMBER", "EVERYONE", get("/api/v1/deals/theirs")));
        for (MockHttpServletRequestBuilder request : unrestricted) {
            http.perform(request).andExpect(status().isOk());
        }
        http.perform(as(MEMBER, "MEMBER", "EVERYONE", get("/api/v1/deals/theirs/timeline")))
                .andExpect(status().isOk());
        http.perform(as(MEMBER, "MEMBER", "EVERYONE", get("/api/v1/activities/their-call")))
                .andExpect(status().isOk());
        http.perform(as(MEMBER, "MEMBER", "EVERYONE", get("/api/v1/agenda?assigneeId=" + COLLEAGUE)))
                .andExpect(status().isOk());
        http.perform(as(MEMBER, "MEMBER", "EVERYONE", get("/api/v1/pipelines/pipeline-1/board")))
                .andExpect(jsonPath("$.stages[0].count").value(2));
    }

    @Test
    void anotherOrganisationsIdsAnswer404AndItsFiltersFindNothing() throws Exception {
        for (String path : List.of("/api/v1/pipelines/pipeline-1/board",
                "/api/v1/pipelines/pipeline-1/stages/lead/deals", "/api/v1/deals/mine", "/api/v1/deals/mine/timeline",
                "/api/v1/activities/my-call")) {
            for (String role : List.of("ADMIN", "MEMBER")) {
                http.perform(as("org-2", "user-9", role, "OWNER_AND_MANAGERS", get(path)))
                        .andExpect(status().isNotFound())
                        .andExpect(jsonPath("$.type").value("urn:kariz:problem:not-found"));
            }
        }
        http.perform(as("org-2", "user-9", "ADMIN", "EVERYONE", get("/api/v1/deals?pipelineId=pipeline-1")))
                .andExpect(jsonPath("$.deals").value(empty()));
        http.perform(as("org-2", "user-9", "ADMIN", "EVERYONE", get("/api/v1/deals?q=support")))
                .andExpect(jsonPath("$.deals").value(empty()));
        http.perform(as("org-2", "user-9", "ADMIN", "EVERYONE", get("/api/v1/agenda?assigneeId=" + COLLEAGUE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue").value(empty()))
                .andExpect(jsonPath("$.today").value(empty()));
    }

    @Test
    void aRequestWithoutTheGatewaysIdentityIsUnauthenticatedWhateverItsRole() throws Exception {
        http.perform(get("/api/v1/deals").header(IdentityHeaders.ROLE, "ADMIN")
                        .header(IdentityHeaders.VISIBILITY, "EVERYONE"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:unauthenticated"));
    }

    private static DealFields ownedBy(DealFields fields, String ownerId, String amount) {
        return new DealFields(fields.title(), new Money(new BigDecimal(amount), "IRR"), ownerId, fields.personName(),
                fields.organizationName(), fields.expectedCloseDate());
    }

    private static ActivityFields assignedTo(ActivityFields fields, String assigneeId) {
        return new ActivityFields(fields.type(), fields.subject(), fields.durationMinutes(), assigneeId,
                fields.note(), fields.location());
    }

    private static MockHttpServletRequestBuilder member(MockHttpServletRequestBuilder request) {
        return as(MEMBER, "MEMBER", "OWNER_AND_MANAGERS", request);
    }

    private static MockHttpServletRequestBuilder manager(MockHttpServletRequestBuilder request) {
        return as("manager-1", "MANAGER", "OWNER_AND_MANAGERS", request);
    }

    private static MockHttpServletRequestBuilder as(String userId, String role, String visibility,
                                                    MockHttpServletRequestBuilder request) {
        return as(ORG, userId, role, visibility, request);
    }

    private static MockHttpServletRequestBuilder as(String organizationId, String userId, String role,
                                                    String visibility, MockHttpServletRequestBuilder request) {
        request.header(IdentityHeaders.ORGANIZATION, organizationId).header(IdentityHeaders.USER, userId);
        if (role != null) {
            request.header(IdentityHeaders.ROLE, role);
        }
        if (visibility != null) {
            request.header(IdentityHeaders.VISIBILITY, visibility);
        }
        return request;
    }
}
