package app.kariz.deal;

import app.kariz.testing.identity.SignedIdentity;
import app.kariz.testing.mongo.InProcessMongo;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deal service with {@code kariz.identity.secret} set, as it runs behind the gateway: only requests whose
 * identity headers the gateway signed, for this method and path, in the last five minutes get through.
 */
@SpringBootTest(classes = DealServiceHttpTest.Service.class, properties = {
        "kariz.identity.secret=" + SignedIdentityHttpTest.SECRET,
        "kariz.mongo.database=deal_service_signed_identity_test",
        "kariz.demo.organization-id=demo",
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson",
        "axon.serializer.messages=jackson",
        "axon.serializer.events=jackson",
        "spring.autoconfigure.exclude="
                + "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration,"
                + "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration,"
                + "org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration,"
                + "org.axonframework.springboot.autoconfig.AxonServerActuatorAutoConfiguration,"
                + "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration"})
@AutoConfigureMockMvc
class SignedIdentityHttpTest {

    static final String SECRET = "deal-service-test-secret";
    private static final InProcessMongo MONGO = InProcessMongo.start();

    @Autowired
    private MockMvc http;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry properties) {
        properties.add("kariz.mongo.uri", MONGO::connectionString);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    private static Map<String, String> identity() {
        return SignedIdentity.identity("demo", "demo-user", "ADMIN", "EVERYONE", "Asia/Tehran");
    }

    /** The headers the gateway sends for {@code method path}, signed with {@code secret} at {@code issuedAt}. */
    private static Map<String, String> signed(String secret, String method, String path, Instant issuedAt) {
        return SignedIdentity.signed(secret, method, path, identity(), issuedAt);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, Map<String, String> headers)
            throws Exception {
        headers.forEach(request::header);
        return http.perform(request);
    }

    private static void unauthenticated(ResultActions response) throws Exception {
        response.andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:unauthenticated"));
    }

    @Test
    void aRequestTheGatewaySignedIsAnswered() throws Exception {
        perform(get("/api/v1/pipelines"), signed(SECRET, "GET", "/api/v1/pipelines", Instant.now()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Sales"));
    }

    @Test
    void aSignedWriteIsAnswered() throws Exception {
        String pipelineId = JsonPath.read(perform(get("/api/v1/pipelines"),
                signed(SECRET, "GET", "/api/v1/pipelines", Instant.now()))
                .andReturn().getResponse().getContentAsString(), "$[0].id");

        perform(post("/api/v1/deals").contentType(MediaType.APPLICATION_JSON).content(
                "{\"title\": \"t\", \"pipelineId\": \"" + pipelineId + "\", \"stageId\": \"unknown\"}"),
                signed(SECRET, "POST", "/api/v1/deals", Instant.now()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("stageId"));
    }

    @Test
    void unsignedHeadersAreRefused() throws Exception {
        unauthenticated(perform(get("/api/v1/pipelines"), identity()));
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() throws Exception {
        unauthenticated(perform(get("/api/v1/pipelines"),
                signed("guessed", "GET", "/api/v1/pipelines", Instant.now())));
    }

    @Test
    void aSignatureReplayedOnAnotherPathOrMethodIsRefused() throws Exception {
        Map<String, String> forPipelines = signed(SECRET, "GET", "/api/v1/pipelines", Instant.now());

        unauthenticated(perform(get("/api/v1/pipelines/other"), forPipelines));
        unauthenticated(perform(post("/api/v1/pipelines").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\", \"stages\": [{\"name\": \"a\"}]}"), forPipelines));
    }

    @Test
    void aStaleSignatureIsRefused() throws Exception {
        unauthenticated(perform(get("/api/v1/pipelines"),
                signed(SECRET, "GET", "/api/v1/pipelines", Instant.now().minusSeconds(301))));
    }
}
