package app.kariz.activity.type.web;

import app.kariz.activity.ActivityServiceTestContext;
import app.kariz.activity.type.command.ActivityTypeCatalog;
import app.kariz.events.Position;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activity type endpoints over HTTP, each test in an organisation of its own, and how a type's settings
 * govern scheduling and completing.
 */
class ActivityTypeApiTest extends ActivityServiceTestContext {

    private final String org = "org-" + UUID.randomUUID();

    private ResultActions addType(String body) throws Exception {
        return post(org, "/api/v1/activity-types", body);
    }

    private ResultActions changeType(String key, String body) throws Exception {
        return patch(org, "/api/v1/activity-types/" + key, body);
    }

    private ResultActions types() throws Exception {
        return get(org, "/api/v1/activity-types");
    }

    private ResultActions schedule(String dealId, String type) throws Exception {
        return post(org, "/api/v1/activities", "{\"dealId\": \"" + dealId + "\", \"type\": \"" + type
                + "\", \"subject\": \"موضوع\", \"dueDate\": \"2026-11-27\"}");
    }

    private static void expectInvalid(ResultActions response, String field) throws Exception {
        response.andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void everyOrganisationStartsWithTheSixDefaults() throws Exception {
        types().andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(6))
                .andExpect(jsonPath("$[*].key").value(contains("call", "meeting",
                        "consultation", "task", "email", "deadline")))
                .andExpect(jsonPath("$[0].name").value("Call"))
                .andExpect(jsonPath("$[0].requiresResult").value(true))
                .andExpect(jsonPath("$[0].active").value(true))
                .andExpect(jsonPath("$[5].key").value("deadline"))
                .andExpect(jsonPath("$[5].requiresResult").value(false));
    }

    @Test
    void addingATypeAnswers201AndListsItAtOnce() throws Exception {
        ResultActions added = addType("{\"key\": \"site-visit\", \"name\": \" بازدید از محل \"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/activity-types/site-visit"))
                .andExpect(header().string(Position.WRITTEN_HEADER,
                        "activity-types:" + ActivityTypeCatalog.idOf(org) + ":0"))
                .andExpect(jsonPath("$.key").value("site-visit"))
                .andExpect(jsonPath("$.name").value("بازدید از محل"))
                .andExpect(jsonPath("$.requiresResult").value(true))
                .andExpect(jsonPath("$.active").value(true));
        List<String> fields = List.copyOf(read(added, "$.keys()"));
        assertThat(fields).containsExactlyInAnyOrder("key", "name", "requiresResult", "active");

        addType("{\"key\": \"reminder\", \"name\": \"یادآوری\", \"requiresResult\": false}")
                .andExpect(status().isCreated())
                .andExpect(header().string(Position.WRITTEN_HEADER,
                        "activity-types:" + ActivityTypeCatalog.idOf(org) + ":1"));

        types().andExpect(jsonPath("$.length()").value(8))
                .andExpect(jsonPath("$[6].key").value("site-visit"))
                .andExpect(jsonPath("$[7].key").value("reminder"))
                .andExpect(jsonPath("$[7].requiresResult").value(false));
        get(org, "/api/v1/activity-types/site-visit").andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("بازدید از محل"));
        get(org, "/api/v1/activity-types/fax").andExpect(status().isNotFound());
    }

    @Test
    void aKeyTheOrganisationHasAlreadyIsAConflict() throws Exception {
        addType("{\"key\": \"call\", \"name\": \"تماس\"}").andExpect(status().isConflict());
        addType("{\"key\": \"site-visit\", \"name\": \"بازدید\"}").andExpect(status().isCreated());
        addType("{\"key\": \"site-visit\", \"name\": \"بازدید دوم\"}").andExpect(status().isConflict());

        types().andExpect(jsonPath("$.length()").value(7));
    }

    @Test
    void anInvalidKeyOrNameIsInvalidInput() throws Exception {
        expectInvalid(addType("{\"key\": \"Site-Visit\", \"name\": \"بازدید\"}"), "key");
        expectInvalid(addType("{\"key\": \"1st\", \"name\": \"بازدید\"}"), "key");
        expectInvalid(addType("{\"key\": \"" + "a".repeat(41) + "\", \"name\": \"بازدید\"}"), "key");
        expectInvalid(addType("{\"name\": \"بازدید\"}"), "key");
        expectInvalid(addType("{\"key\": \"visit\", \"name\": \"\"}"), "name");
        expectInvalid(addType("{\"key\": \"visit\", \"name\": \"" + "ب".repeat(101) + "\"}"), "name");
        expectInvalid(addType("{\"key\": \"visit\", \"name\": \"بازدید\", \"colour\": \"red\"}"), "colour");

        types().andExpect(jsonPath("$.length()").value(6));
    }

    @Test
    void changingATypeAnswersItAsChanged() throws Exception {
        changeType("deadline", "{\"name\": \"مهلت\", \"requiresResult\": true}")
                .andExpect(status().isOk())
                .andExpect(header().string(Position.WRITTEN_HEADER,
                        "activity-types:" + ActivityTypeCatalog.idOf(org) + ":0"))
                .andExpect(jsonPath("$.key").value("deadline"))
                .andExpect(jsonPath("$.name").value("مهلت"))
                .andExpect(jsonPath("$.requiresResult").value(true))
                .andExpect(jsonPath("$.active").value(true));

        changeType("deadline", "{\"requiresResult\": true}")
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(Position.WRITTEN_HEADER));
        types().andExpect(jsonPath("$[5].name").value("مهلت"));
    }

    @Test
    void changingADefaultToWhatItIsStoresNothing() throws Exception {
        changeType("call", "{\"name\": \"Call\", \"requiresResult\": true, \"active\": true}")
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(Position.WRITTEN_HEADER))
                .andExpect(jsonPath("$.name").value("Call"));
        changeType("call", "{}").andExpect(status().isOk());

        addType("{\"key\": \"site-visit\", \"name\": \"بازدید\"}")
                .andExpect(header().string(Position.WRITTEN_HEADER,
                        "activity-types:" + ActivityTypeCatalog.idOf(org) + ":0"));
    }

    @Test
    void anUnknownTypeIsNotFoundAndNoValueCanBeCleared() throws Exception {
        changeType("fax", "{\"active\": false}").andExpect(status().isNotFound());
        expectInvalid(changeType("call", "{\"name\": null}"), "name");
        expectInvalid(changeType("call", "{\"active\": null}"), "active");
        expectInvalid(changeType("call", "{\"requiresResult\": \"maybe\"}"), "requiresResult");
        expectInvalid(changeType("call", "{\"name\": \"" + "ت".repeat(101) + "\"}"), "name");
    }

    @Test
    void anotherOrganisationKeepsItsOwnTypes() throws Exception {
        addType("{\"key\": \"site-visit\", \"name\": \"بازدید\"}").andExpect(status().isCreated());
        changeType("call", "{\"active\": false}").andExpect(status().isOk());

        get("org-other-" + UUID.randomUUID(), "/api/v1/activity-types")
                .andExpect(jsonPath("$.length()").value(6))
                .andExpect(jsonPath("$[0].active").value(true));
    }

    @Test
    void onlyActiveTypesCanBeScheduled() throws Exception {
        String dealId = dealOpened(org, "owner-1");
        addType("{\"key\": \"site-visit\", \"name\": \"بازدید\"}");
        schedule(dealId, "site-visit").andExpect(status().isCreated());

        changeType("site-visit", "{\"active\": false}").andExpect(jsonPath("$.active").value(false));
        expectInvalid(schedule(dealId, "site-visit"), "type");
        types().andExpect(jsonPath("$[6].active").value(false));

        changeType("site-visit", "{\"active\": true}");
        schedule(dealId, "site-visit").andExpect(status().isCreated());
    }

    @Test
    void completingFollowsTheTypesCurrentResultSetting() throws Exception {
        String dealId = dealOpened(org, "owner-1");
        String deadline = read(schedule(dealId, "deadline"), "$.id");
        String call = read(schedule(dealId, "call"), "$.id");

        changeType("deadline", "{\"requiresResult\": true}");
        changeType("call", "{\"requiresResult\": false}");

        expectInvalid(post(org, "/api/v1/activities/" + deadline + "/complete", "{}"), "result");
        post(org, "/api/v1/activities/" + call + "/complete", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.activity.status").value("DONE"));
        changeType("deadline", "{\"requiresResult\": false}");
        post(org, "/api/v1/activities/" + deadline + "/complete", "{}").andExpect(status().isOk());
    }
}
