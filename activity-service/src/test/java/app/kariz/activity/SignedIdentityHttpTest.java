package app.kariz.activity;

import app.kariz.testing.identity.SignedIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.time.Instant;
import java.util.Map;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activity service with {@code kariz.identity.secret} set, as it runs behind the gateway: only requests whose
 * identity headers the gateway signed, for this method and path, in the last five minutes get through.
 */
@TestPropertySource(properties = "kariz.identity.secret=" + SignedIdentityHttpTest.SECRET)
class SignedIdentityHttpTest extends ActivityServiceTestContext {

    static final String SECRET = "activity-service-test-secret";

    private static Map<String, String> identity() {
        return SignedIdentity.identity(ORG, "member-1", "MEMBER", "OWNER_AND_MANAGERS", null);
    }

    private static Map<String, String> signed(String secret, String method, String path, Instant issuedAt) {
        return SignedIdentity.signed(secret, method, path, identity(), issuedAt);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, Map<String, String> headers)
            throws Exception {
        headers.forEach(request::header);
        return http.perform(request.contentType(MediaType.APPLICATION_JSON));
    }

    private static void unauthenticated(ResultActions response) throws Exception {
        response.andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:unauthenticated"));
    }

    @Test
    void aRequestTheGatewaySignedIsAnswered() throws Exception {
        perform(MockMvcRequestBuilders.get("/api/v1/activity-types"),
                signed(SECRET, "GET", "/api/v1/activity-types", Instant.now()))
                .andExpect(status().isOk());
        String dealId = dealOpened("member-1");
        perform(MockMvcRequestBuilders.post("/api/v1/activities").content("{\"dealId\": \"" + dealId
                        + "\", \"type\": \"call\", \"subject\": \"تماس\", \"dueDate\": \"2026-11-27\"}"),
                signed(SECRET, "POST", "/api/v1/activities", Instant.now()))
                .andExpect(status().isCreated());
    }

    @Test
    void unsignedOrWronglySignedHeadersAreRefused() throws Exception {
        unauthenticated(perform(MockMvcRequestBuilders.get("/api/v1/activity-types"), identity()));
        unauthenticated(perform(MockMvcRequestBuilders.get("/api/v1/activity-types"),
                signed("guessed", "GET", "/api/v1/activity-types", Instant.now())));
    }

    @Test
    void aSignatureReplayedOnAnotherPathOrLaterIsRefused() throws Exception {
        unauthenticated(perform(MockMvcRequestBuilders.get("/api/v1/activity-types/call"),
                signed(SECRET, "GET", "/api/v1/activity-types", Instant.now())));
        unauthenticated(perform(MockMvcRequestBuilders.get("/api/v1/activity-types"),
                signed(SECRET, "GET", "/api/v1/activity-types", Instant.now().minusSeconds(301))));
    }
}
