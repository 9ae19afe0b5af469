package app.kariz.activity.web;

import app.kariz.activity.ActivityServiceTestContext;
import app.kariz.activity.deal.DealActivities;
import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.DealUpdated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who sees and changes which activities (docs/identity-and-tenancy.md): a member of an organisation where only owners
 * and managers see everything acts only on activities assigned to it, schedules only on deals it owns and only for
 * itself; everyone else acts on all of the organisation's.
 */
class ActivityVisibilityTest extends ActivityServiceTestContext {

    private static final String CALL_TOMORROW = """
            "type": "call", "subject": "تماس", "dueDate": "2026-11-27", "dueTime": "10:30\"""";

    @Autowired
    private DealActivities dealActivities;

    private ResultActions as(String userId, String role, String visibility, MockHttpServletRequestBuilder request,
                             String body) throws Exception {
        return http.perform(request.header(IdentityHeaders.ORGANIZATION, ORG).header(IdentityHeaders.USER, userId)
                .header(IdentityHeaders.ROLE, role).header(IdentityHeaders.VISIBILITY, visibility)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** As a restricted member. */
    private ResultActions member(String userId, MockHttpServletRequestBuilder request, String body) throws Exception {
        return as(userId, "MEMBER", "OWNER_AND_MANAGERS", request, body);
    }

    private static MockHttpServletRequestBuilder posting(String path) {
        return MockMvcRequestBuilders.post(path);
    }

    private static MockHttpServletRequestBuilder patching(String path) {
        return MockMvcRequestBuilders.patch(path);
    }

    private static MockHttpServletRequestBuilder deleting(String path) {
        return MockMvcRequestBuilders.delete(path);
    }

    private static MockHttpServletRequestBuilder getting(String path) {
        return MockMvcRequestBuilders.get(path);
    }

    /** Scheduled by an admin, who may schedule anything for anyone. */
    private String scheduledFor(String assigneeId, String dealId) throws Exception {
        return read(post("/api/v1/activities", "{\"dealId\": \"" + dealId + "\", \"assigneeId\": \"" + assigneeId
                + "\", " + CALL_TOMORROW + "}").andExpect(status().isCreated()), "$.id");
    }

    private static void notFound(ResultActions response) throws Exception {
        response.andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:not-found"));
    }

    private static void forbidden(ResultActions response, String field) throws Exception {
        response.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:forbidden"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    /** Its state as an admin sees it; an empty edit changes nothing. */
    private ResultActions unchanged(String activityId) throws Exception {
        return patch("/api/v1/activities/" + activityId, "{}");
    }

    @Test
    void aRestrictedMemberSchedulesOnlyOnDealsItOwns() throws Exception {
        String theirs = dealOpened("member-2");
        String mine = dealOpened("member-1");

        notFound(member("member-1", posting("/api/v1/activities"), "{\"dealId\": \"" + theirs + "\", "
                + CALL_TOMORROW + "}"));
        assertThat(dealActivities.openActivityIds(ORG, theirs)).isEmpty();

        member("member-1", posting("/api/v1/activities"), "{\"dealId\": \"" + mine + "\", " + CALL_TOMORROW + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assigneeId").value("member-1"));
    }

    @Test
    void aRestrictedMemberSchedulesOnlyForItself() throws Exception {
        String mine = dealOpened("member-1");

        forbidden(member("member-1", posting("/api/v1/activities"), "{\"dealId\": \"" + mine
                + "\", \"assigneeId\": \"member-2\", " + CALL_TOMORROW + "}"), "assigneeId");
        assertThat(dealActivities.openActivityIds(ORG, mine)).isEmpty();

        member("member-1", posting("/api/v1/activities"), "{\"dealId\": \"" + mine
                + "\", \"assigneeId\": \"member-1\", " + CALL_TOMORROW + "}")
                .andExpect(status().isCreated());
    }

    @Test
    void aDealHandedToTheMemberCanBeScheduledOn() throws Exception {
        String dealId = dealOpened("member-2");
        applyDealEvent(new DealUpdated(ORG, dealId, new DealFields("قرارداد", null, "member-2", null, null, null),
                new DealFields("قرارداد", null, "member-1", null, null, null), List.of("ownerId"), NOW,
                "manager-1"), 1);

        member("member-1", posting("/api/v1/activities"), "{\"dealId\": \"" + dealId + "\", " + CALL_TOMORROW + "}")
                .andExpect(status().isCreated());
        notFound(member("member-2", posting("/api/v1/activities"), "{\"dealId\": \"" + dealId + "\", "
                + CALL_TOMORROW + "}"));
    }

    @Test
    void anActivityAssignedToSomeoneElseIsNotFoundForEveryChange() throws Exception {
        // On the member's own deal, yet assigned to a colleague.
        String theirs = scheduledFor("member-2", dealOpened("member-1"));
        String path = "/api/v1/activities/" + theirs;

        notFound(member("member-1", posting(path + "/complete"), "{\"result\": \"done\"}"));
        notFound(member("member-1", posting(path + "/postpone"), "{\"by\": \"P1D\"}"));
        notFound(member("member-1", patching(path), "{\"assigneeId\": \"member-1\"}"));
        notFound(member("member-1", deleting(path), ""));

        unchanged(theirs).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.assigneeId").value("member-2"))
                .andExpect(jsonPath("$.version").value(0));
        complete(theirs);
        notFound(member("member-1", posting(path + "/reopen"), "{}"));
        unchanged(theirs).andExpect(jsonPath("$.status").value("DONE"));
    }

    private void complete(String activityId) throws Exception {
        post("/api/v1/activities/" + activityId + "/complete", "{\"result\": \"done\"}")
                .andExpect(status().isOk());
    }

    @Test
    void anActivityAssignedToTheMemberCanBeChangedEvenOnAColleaguesDeal() throws Exception {
        String mine = scheduledFor("member-1", dealOpened("member-2"));
        String path = "/api/v1/activities/" + mine;

        member("member-1", posting(path + "/postpone"), "{\"by\": \"P1D\"}").andExpect(status().isOk());
        member("member-1", patching(path), "{\"subject\": \"تماس دوم\"}").andExpect(status().isOk());
        member("member-1", posting(path + "/complete"), "{\"result\": \"done\"}").andExpect(status().isOk());
        member("member-1", posting(path + "/reopen"), "{}").andExpect(status().isOk());
        member("member-1", deleting(path), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void handingAnActivityToAColleaguePutsItOutOfReach() throws Exception {
        String mine = scheduledFor("member-1", dealOpened("member-1"));
        String path = "/api/v1/activities/" + mine;

        member("member-1", patching(path), "{\"assigneeId\": \"member-2\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeId").value("member-2"));

        notFound(member("member-1", patching(path), "{\"assigneeId\": \"member-1\"}"));
    }

    @Test
    void completingWithANextStepNeedsTheMemberToOwnTheDeal() throws Exception {
        String onColleaguesDeal = scheduledFor("member-1", dealOpened("member-2"));

        notFound(member("member-1", posting("/api/v1/activities/" + onColleaguesDeal + "/complete"),
                "{\"result\": \"done\", \"next\": {\"type\": \"call\", \"subject\": \"بعدی\", "
                        + "\"dueDate\": \"2026-12-01\"}}"));
        unchanged(onColleaguesDeal).andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void completingWithANextStepSchedulesItOnlyForTheMemberItself() throws Exception {
        String dealId = dealOpened("member-1");
        String mine = scheduledFor("member-1", dealId);
        String path = "/api/v1/activities/" + mine + "/complete";

        forbidden(member("member-1", posting(path), "{\"result\": \"done\", \"next\": {\"type\": \"call\", "
                + "\"subject\": \"بعدی\", \"dueDate\": \"2026-12-01\", \"assigneeId\": \"member-2\"}}"),
                "next.assigneeId");
        unchanged(mine).andExpect(jsonPath("$.status").value("OPEN"));
        assertThat(dealActivities.openActivityIds(ORG, dealId)).containsExactly(mine);

        member("member-1", posting(path), "{\"result\": \"done\", \"next\": {\"type\": \"call\", "
                + "\"subject\": \"بعدی\", \"dueDate\": \"2026-12-01\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.next.assigneeId").value("member-1"));
    }

    @Test
    void managersAndMembersWhereEveryoneSeesAllActOnAnything() throws Exception {
        String theirs = dealOpened("member-2");

        String byManager = read(as("manager-1", "MANAGER", "OWNER_AND_MANAGERS", posting("/api/v1/activities"),
                "{\"dealId\": \"" + theirs + "\", \"assigneeId\": \"member-3\", " + CALL_TOMORROW + "}")
                .andExpect(status().isCreated()), "$.id");
        as("member-1", "MEMBER", "EVERYONE", posting("/api/v1/activities"),
                "{\"dealId\": \"" + theirs + "\", \"assigneeId\": \"member-3\", " + CALL_TOMORROW + "}")
                .andExpect(status().isCreated());
        as("member-1", "MEMBER", "EVERYONE", posting("/api/v1/activities/" + byManager + "/postpone"),
                "{\"by\": \"P1D\"}").andExpect(status().isOk());
        as("manager-1", "MANAGER", "OWNER_AND_MANAGERS", deleting("/api/v1/activities/" + byManager), "")
                .andExpect(status().isOk());
    }

    @Test
    void everyoneReadsActivityTypesButOnlyAdminsChangeThem() throws Exception {
        Object callName = read(member("member-1", getting("/api/v1/activity-types/call"), "")
                .andExpect(status().isOk()), "$.name");
        for (String role : List.of("MEMBER", "MANAGER")) {
            as("someone", role, "EVERYONE", posting("/api/v1/activity-types"),
                    "{\"key\": \"demo-visit\", \"name\": \"بازدید\"}")
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:forbidden"));
            as("someone", role, "EVERYONE", patching("/api/v1/activity-types/call"), "{\"name\": \"تلفن\"}")
                    .andExpect(status().isForbidden());
        }
        get("/api/v1/activity-types/call").andExpect(jsonPath("$.name").value(callName));
        get("/api/v1/activity-types/demo-visit").andExpect(status().isNotFound());
    }
}
