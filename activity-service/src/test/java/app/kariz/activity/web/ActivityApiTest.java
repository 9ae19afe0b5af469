package app.kariz.activity.web;

import app.kariz.activity.ActivityServiceTestContext;
import app.kariz.activity.deal.DealActivities;
import app.kariz.events.Position;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The activity endpoints over HTTP: status codes, field names and the written positions. */
class ActivityApiTest extends ActivityServiceTestContext {

    private static final List<String> ACTIVITY_FIELDS = List.of("id", "dealId", "type", "subject", "dueDate",
            "dueTime", "timeZone", "durationMinutes", "assigneeId", "note", "location", "status", "result",
            "completedAt", "postponeCount", "version");

    @Autowired
    private DealActivities dealActivities;
    @Autowired
    private ObjectMapper json;

    private String schedule(String dealId, String fields) throws Exception {
        ResultActions scheduled = post("/api/v1/activities", "{\"dealId\": \"" + dealId + "\", " + fields + "}")
                .andExpect(status().isCreated());
        return read(scheduled, "$.id");
    }

    /** A call due on 2026-11-27 at 10:30 in Tehran. */
    private String scheduleCall(String dealId) throws Exception {
        return schedule(dealId, """
                "type": "call", "subject": "تماس پیگیری", "dueDate": "2026-11-27", "dueTime": "10:30",
                "timeZone": "Asia/Tehran\"""");
    }

    private String scheduleAllDay(String dealId) throws Exception {
        return schedule(dealId, """
                "type": "task", "subject": "ارسال قرارداد", "dueDate": "2026-11-27\"""");
    }

    private ResultActions complete(String activityId, String body) throws Exception {
        return post("/api/v1/activities/" + activityId + "/complete", body);
    }

    private ResultActions postpone(String activityId, String body) throws Exception {
        return post("/api/v1/activities/" + activityId + "/postpone", body);
    }

    private ResultActions edit(String activityId, String body) throws Exception {
        return patch("/api/v1/activities/" + activityId, body);
    }

    private ResultActions reopen(String activityId) throws Exception {
        return post("/api/v1/activities/" + activityId + "/reopen", "{}");
    }

    private static void expectInvalid(ResultActions response, String field) throws Exception {
        response.andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private Map<String, Object> body(ResultActions response) throws Exception {
        return json.readValue(response.andReturn().getResponse().getContentAsString(),
                new TypeReference<Map<String, Object>>() {
                });
    }

    // Scheduling

    @Test
    void schedulingAnswers201WithTheWholeActivityItsLocationAndItsPosition() throws Exception {
        String dealId = dealOpened("owner-1");

        ResultActions scheduled = post("/api/v1/activities", "{\"dealId\": \"" + dealId + "\", " + """
                "type": "meeting", "subject": " جلسه معرفی محصول ", "dueDate": "2026-11-27", "dueTime": "10:30",
                "timeZone": "Europe/Berlin", "durationMinutes": 60, "note": "با مدیر فنی",
                "location": "دفتر مرکزی، خیابان ولیعصر"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.dealId").value(dealId))
                .andExpect(jsonPath("$.type").value("meeting"))
                .andExpect(jsonPath("$.subject").value("جلسه معرفی محصول"))
                .andExpect(jsonPath("$.dueDate").value("2026-11-27"))
                .andExpect(jsonPath("$.dueTime").value("10:30"))
                .andExpect(jsonPath("$.timeZone").value("Europe/Berlin"))
                .andExpect(jsonPath("$.durationMinutes").value(60))
                .andExpect(jsonPath("$.assigneeId").value("owner-1"))
                .andExpect(jsonPath("$.note").value("با مدیر فنی"))
                .andExpect(jsonPath("$.location").value("دفتر مرکزی، خیابان ولیعصر"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.result").value(nullValue()))
                .andExpect(jsonPath("$.completedAt").value(nullValue()))
                .andExpect(jsonPath("$.postponeCount").value(0))
                .andExpect(jsonPath("$.version").value(0));
        String id = read(scheduled, "$.id");
        scheduled.andExpect(header().string("Location", "/api/v1/activities/" + id))
                .andExpect(header().string(Position.WRITTEN_HEADER, "activity:" + id + ":0"));
        assertThat(body(scheduled).keySet()).containsExactlyInAnyOrderElementsOf(ACTIVITY_FIELDS);
    }

    @Test
    void theAssigneeIsTheDealsCurrentOwnerUnlessNamed() throws Exception {
        String dealId = dealOpened("owner-1");
        applyDealEvent(new DealUpdated(ORG, dealId, new DealFields("قرارداد", null, "owner-1", null, null, null),
                new DealFields("قرارداد", null, "owner-2", null, null, null), List.of("ownerId"), NOW, "manager-1"), 1);

        String id = scheduleCall(dealId);
        String named = schedule(dealId, """
                "type": "call", "subject": "تماس", "dueDate": "2026-11-27", "assigneeId": "helper-1\"""");

        edit(id, "{}").andExpect(jsonPath("$.assigneeId").value("owner-2"));
        edit(named, "{}").andExpect(jsonPath("$.assigneeId").value("helper-1"));
    }

    @Test
    void activitiesAreScheduledOnClosedDealsTooButNotOnDeletedOrUnknownOnes() throws Exception {
        String won = dealOpened("owner-1");
        applyDealEvent(new DealWon(ORG, won, NOW, "owner-1"), 1);
        scheduleCall(won);

        String deleted = dealOpened("owner-1");
        dealDeleted(deleted, 1);
        post("/api/v1/activities", "{\"dealId\": \"" + deleted + "\", \"type\": \"call\", \"subject\": \"تماس\", "
                + "\"dueDate\": \"2026-11-27\"}").andExpect(status().isNotFound());
        post("/api/v1/activities", "{\"dealId\": \"no-such-deal\", \"type\": \"call\", \"subject\": \"تماس\", "
                + "\"dueDate\": \"2026-11-27\"}").andExpect(status().isNotFound());
    }

    @Test
    void fieldsOutsideTheirLimitsAreInvalidInput() throws Exception {
        String dealId = dealOpened("owner-1");
        String base = "{\"dealId\": \"" + dealId + "\", \"type\": \"call\", \"subject\": \"تماس\", "
                + "\"dueDate\": \"2026-11-27\", ";
        Map<String, String> invalid = Map.of(
                "\"subject\": \"" + "ت".repeat(256) + "\"", "subject",
                "\"durationMinutes\": 0", "durationMinutes",
                "\"durationMinutes\": 1441", "durationMinutes",
                "\"note\": \"" + "ی".repeat(10_001) + "\"", "note",
                "\"location\": \"" + "ی".repeat(256) + "\"", "location",
                "\"timeZone\": \"Mars/Olympus\"", "timeZone",
                "\"dueTime\": \"10:30:15\"", "dueTime",
                "\"type\": \"fax\"", "type",
                "\"durationMinutes\": \"an hour\"", "durationMinutes");
        for (Map.Entry<String, String> field : invalid.entrySet()) {
            String body = base.replace("\"type\": \"call\", ", field.getValue().equals("type") ? "" : "\"type\": "
                    + "\"call\", ").replace("\"subject\": \"تماس\", ", field.getValue().equals("subject") ? ""
                    : "\"subject\": \"تماس\", ") + field.getKey() + "}";
            expectInvalid(post("/api/v1/activities", body), field.getValue());
        }
        assertThat(dealActivities.openActivityIds(ORG, dealId)).isEmpty();
        schedule(dealId, "\"type\": \"call\", \"subject\": \"" + "ت".repeat(255) + "\", \"dueDate\": \"2026-11-27\", "
                + "\"durationMinutes\": 1440, \"note\": \"" + "ی".repeat(10_000) + "\", \"location\": \""
                + "ی".repeat(255) + "\"");
    }

    // Completing

    @Test
    void aCallIsNotDoneWithoutAResult() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));

        expectInvalid(complete(id, "{}"), "result");
        expectInvalid(complete(id, "{\"result\": \"" + "ن".repeat(2_001) + "\"}"), "result");

        complete(id, "{\"result\": \"قرار جلسه هفته بعد\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.activity.status").value("DONE"))
                .andExpect(jsonPath("$.activity.result").value("قرار جلسه هفته بعد"));
    }

    @Test
    void completingSaysWhetherTheDealStillHasAnOpenActivity() throws Exception {
        String dealId = dealOpened("owner-1");
        String first = scheduleCall(dealId);
        String second = scheduleAllDay(dealId);

        complete(first, "{\"result\": \"انجام شد\"}")
                .andExpect(status().isOk())
                .andExpect(header().string(Position.WRITTEN_HEADER, "activity:" + first + ":1"))
                .andExpect(jsonPath("$.activity.id").value(first))
                .andExpect(jsonPath("$.activity.completedAt").exists())
                .andExpect(jsonPath("$.next").value(nullValue()))
                .andExpect(jsonPath("$.dealHasOpenActivity").value(true));
        complete(second, "{\"result\": \"ارسال شد\"}")
                .andExpect(jsonPath("$.dealHasOpenActivity").value(false));
    }

    @Test
    void completingWithANextStepSchedulesItInTheSameCall() throws Exception {
        String dealId = dealOpened("owner-1");
        String id = scheduleCall(dealId);

        ResultActions completed = complete(id, """
                {"result": "علاقه‌مند است", "next": {"type": "meeting", "subject": "جلسه معرفی",
                 "dueDate": "2026-12-03", "dueTime": "11:00", "location": "دفتر مشتری"}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activity.status").value("DONE"))
                .andExpect(jsonPath("$.next.status").value("OPEN"))
                .andExpect(jsonPath("$.next.dealId").value(dealId))
                .andExpect(jsonPath("$.next.timeZone").value("Asia/Tehran"))
                .andExpect(jsonPath("$.next.location").value("دفتر مشتری"))
                .andExpect(jsonPath("$.dealHasOpenActivity").value(true));
        String next = read(completed, "$.next.id");
        completed.andExpect(header().string(Position.WRITTEN_HEADER,
                "activity:" + id + ":1,activity:" + next + ":0"));
        assertThat(body(completed).keySet()).containsExactlyInAnyOrder("activity", "next", "dealHasOpenActivity");
    }

    @Test
    void anInvalidNextStepLeavesEverythingUnchanged() throws Exception {
        String dealId = dealOpened("owner-1");
        String id = scheduleCall(dealId);

        expectInvalid(complete(id, """
                {"result": "ok", "next": {"type": "fax", "subject": "?", "dueDate": "2026-12-03"}}"""), "next.type");
        expectInvalid(complete(id, """
                {"result": "ok", "next": {"type": "call", "subject": "?", "dueDate": "2026-12-03",
                 "timeZone": "Nowhere/City"}}"""), "next.timeZone");

        assertThat(dealActivities.openActivityIds(ORG, dealId)).containsExactly(id);
        complete(id, "{\"result\": \"ok\"}").andExpect(status().isOk());
    }

    // Postponing

    @Test
    void postponingByADurationMovesATimedActivityOnItsOwnClock() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));

        postpone(id, "{\"by\": \"PT3H\", \"reason\": \"مشتری در جلسه است\"}")
                .andExpect(status().isOk())
                .andExpect(header().string(Position.WRITTEN_HEADER, "activity:" + id + ":1"))
                .andExpect(jsonPath("$.dueDate").value("2026-11-27"))
                .andExpect(jsonPath("$.dueTime").value("13:30"))
                .andExpect(jsonPath("$.postponeCount").value(1));
        postpone(id, "{\"by\": \"P1W\"}")
                .andExpect(jsonPath("$.dueDate").value("2026-12-04"))
                .andExpect(jsonPath("$.dueTime").value("13:30"))
                .andExpect(jsonPath("$.postponeCount").value(2));
    }

    @Test
    void postponingToADateKeepsTheActivitysZoneUnlessAnotherIsGiven() throws Exception {
        String id = schedule(dealOpened("owner-1"), """
                "type": "call", "subject": "تماس", "dueDate": "2026-11-27", "dueTime": "08:00",
                "timeZone": "Europe/London\"""");

        postpone(id, "{\"dueDate\": \"2026-11-28\", \"dueTime\": \"09:00\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").value("Europe/London"))
                .andExpect(jsonPath("$.dueTime").value("09:00"));
        // 10:00 in Tehran is earlier than 09:00 in London.
        expectInvalid(postpone(id, "{\"dueDate\": \"2026-11-28\", \"dueTime\": \"10:00\", \"timeZone\": "
                + "\"Asia/Tehran\"}"), "dueDate");
    }

    @Test
    void anAllDayActivityIsPostponedByDaysOnly() throws Exception {
        String id = scheduleAllDay(dealOpened("owner-1"));

        expectInvalid(postpone(id, "{\"by\": \"PT3H\"}"), "by");
        postpone(id, "{\"by\": \"P1D\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value("2026-11-28"))
                .andExpect(jsonPath("$.dueTime").value(nullValue()));
    }

    @Test
    void postponingNeedsExactlyOneOfDueDateAndBy() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));

        expectInvalid(postpone(id, "{}"), "dueDate");
        expectInvalid(postpone(id, "{\"reason\": \"بعداً\"}"), "dueDate");
        expectInvalid(postpone(id, "{\"dueDate\": \"2026-11-30\", \"by\": \"P1D\"}"), "by");
        expectInvalid(postpone(id, "{\"by\": \"P1D\", \"dueTime\": \"10:00\"}"), "dueTime");
        expectInvalid(postpone(id, "{\"by\": \"tomorrow\"}"), "by");
        expectInvalid(postpone(id, "{\"by\": \"-P1D\"}"), "by");
        expectInvalid(postpone(id, "{\"dueDate\": \"2026-11-26\"}"), "dueDate");
        expectInvalid(postpone(id, "{\"by\": \"P1D\", \"reason\": \"" + "د".repeat(501) + "\"}"), "reason");

        edit(id, "{}").andExpect(jsonPath("$.postponeCount").value(0));
    }

    @Test
    void onlyAnOpenActivityIsPostponed() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));
        complete(id, "{\"result\": \"ok\"}");

        postpone(id, "{\"by\": \"P1D\"}").andExpect(status().isConflict());
    }

    // Editing

    @Test
    void editingAnswersTheEditedActivityWithBothPositions() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));

        edit(id, """
                {"subject": "تماس فوری", "location": "تلفن همراه", "dueDate": "2026-11-26", "dueTime": "09:00"}""")
                .andExpect(status().isOk())
                .andExpect(header().string(Position.WRITTEN_HEADER, "activity:" + id + ":1,activity:" + id + ":2"))
                .andExpect(jsonPath("$.subject").value("تماس فوری"))
                .andExpect(jsonPath("$.location").value("تلفن همراه"))
                .andExpect(jsonPath("$.dueDate").value("2026-11-26"))
                .andExpect(jsonPath("$.dueTime").value("09:00"))
                .andExpect(jsonPath("$.postponeCount").value(0))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void anEditThatChangesNothingAnswersWithoutAPosition() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));

        ResultActions unchanged = edit(id, "{\"subject\": \"تماس پیگیری\", \"dueTime\": \"10:30\"}")
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(Position.WRITTEN_HEADER))
                .andExpect(jsonPath("$.version").value(0));
        assertThat(body(unchanged).keySet()).containsExactlyInAnyOrderElementsOf(ACTIVITY_FIELDS);
    }

    @Test
    void nullClearsAnOptionalFieldAndANullDueTimeMakesTheActivityAllDay() throws Exception {
        String id = schedule(dealOpened("owner-1"), """
                "type": "call", "subject": "تماس", "dueDate": "2026-11-27", "dueTime": "10:30",
                "durationMinutes": 15, "note": "یادداشت", "location": "دفتر\"""");

        edit(id, "{\"dueTime\": null, \"note\": null, \"location\": null, \"durationMinutes\": null}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueTime").value(nullValue()))
                .andExpect(jsonPath("$.note").value(nullValue()))
                .andExpect(jsonPath("$.location").value(nullValue()))
                .andExpect(jsonPath("$.durationMinutes").value(nullValue()))
                .andExpect(jsonPath("$.dueDate").value("2026-11-27"));
    }

    @Test
    void aNullTimeZoneIsTheCallersAndANullAssigneeTheDealsOwner() throws Exception {
        String id = schedule(dealOpened("owner-1"), """
                "type": "call", "subject": "تماس", "dueDate": "2026-11-27", "dueTime": "10:30",
                "timeZone": "Europe/London", "assigneeId": "helper-1\"""");

        edit(id, "{\"timeZone\": null, \"assigneeId\": null}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").value("Asia/Tehran"))
                .andExpect(jsonPath("$.assigneeId").value("owner-1"));
    }

    @Test
    void requiredFieldsCannotBeClearedAndUnknownOnesAreRefused() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));

        expectInvalid(edit(id, "{\"subject\": null}"), "subject");
        expectInvalid(edit(id, "{\"type\": null}"), "type");
        expectInvalid(edit(id, "{\"dueDate\": null}"), "dueDate");
        expectInvalid(edit(id, "{\"subject\": \"\"}"), "subject");
        expectInvalid(edit(id, "{\"type\": \"fax\"}"), "type");
        expectInvalid(edit(id, "{\"timeZone\": \"Mars/Olympus\"}"), "timeZone");
        expectInvalid(edit(id, "{\"durationMinutes\": 0}"), "durationMinutes");
        expectInvalid(edit(id, "{\"duedate\": \"2026-11-30\"}"), "duedate");

        edit(id, "{}").andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void aDoneActivityCanBeCorrectedButNotRescheduled() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));
        complete(id, "{\"result\": \"ok\"}");

        edit(id, "{\"subject\": \"تماس پیگیری (اصلاح)\", \"type\": \"meeting\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.type").value("meeting"))
                .andExpect(jsonPath("$.result").value("ok"));
        edit(id, "{\"dueDate\": \"2026-12-01\"}").andExpect(status().isConflict());
    }

    @Test
    void aCancelledActivityCannotBeEdited() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));
        http.perform(as(ORG, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/activities/" + id))).andExpect(status().isOk());

        edit(id, "{\"subject\": \"x\"}").andExpect(status().isConflict());
    }

    @Test
    void anUnknownOrForeignActivityIsNotFound() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));

        edit("no-such-activity", "{\"subject\": \"x\"}").andExpect(status().isNotFound());
        edit("no-such-activity", "{\"assigneeId\": null}").andExpect(status().isNotFound());
        patch("org-2", "/api/v1/activities/" + id, "{\"subject\": \"x\"}").andExpect(status().isNotFound());
        reopen("no-such-activity").andExpect(status().isNotFound());
    }

    // Reopening

    @Test
    void reopeningADoneActivityAnswersItOpenWithoutItsResult() throws Exception {
        String dealId = dealOpened("owner-1");
        String id = scheduleCall(dealId);
        complete(id, "{\"result\": \"اشتباهی زدم\"}").andExpect(jsonPath("$.dealHasOpenActivity").value(false));

        reopen(id)
                .andExpect(status().isOk())
                .andExpect(header().string(Position.WRITTEN_HEADER, "activity:" + id + ":2"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.result").value(nullValue()))
                .andExpect(jsonPath("$.completedAt").value(nullValue()));
        assertThat(dealActivities.openActivityIds(ORG, dealId)).containsExactly(id);
    }

    @Test
    void onlyADoneActivityIsReopened() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));

        reopen(id).andExpect(status().isConflict());
        http.perform(as(ORG, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/activities/" + id + "/reopen"))).andExpect(status().isConflict());
    }

    @Test
    void aDoneActivityOfADeletedDealIsNotReopened() throws Exception {
        String dealId = dealOpened("owner-1");
        String id = scheduleCall(dealId);
        complete(id, "{\"result\": \"ok\"}");
        dealDeleted(dealId, 1);

        reopen(id).andExpect(status().isNotFound());

        edit(id, "{}").andExpect(jsonPath("$.status").value("DONE"));
    }

    @Test
    void positionsNameTheActivity() throws Exception {
        String id = scheduleCall(dealOpened("owner-1"));

        edit(id, "{\"note\": \"x\"}").andExpect(header().string(Position.WRITTEN_HEADER,
                matchesPattern("activity:" + id + ":1")));
    }
}
