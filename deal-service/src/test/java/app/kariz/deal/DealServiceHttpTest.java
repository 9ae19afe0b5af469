package app.kariz.deal;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.deal.organization.DefaultPipelineSeeder;
import app.kariz.deal.organization.NewOrganizationPipelines;
import app.kariz.events.EventCatalog;
import app.kariz.events.Position;
import app.kariz.events.organization.OrganizationCreated;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.eventstore.EventStoreConfiguration;
import app.kariz.support.mongo.MongoConfiguration;
import app.kariz.support.mongo.MongoProperties;
import app.kariz.support.web.CommandProblemHandling;
import app.kariz.support.web.WebConfiguration;
import app.kariz.testing.mongo.InProcessMongo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deal service over HTTP with its real aggregates, event store and directories (MongoDB in process), all of
 * its own Spring wiring, and the shared web and error handling; only the Kafka relay is left out. Each test works
 * in an organisation of its own.
 */
@SpringBootTest(classes = DealServiceHttpTest.Service.class, properties = {
        "kariz.mongo.database=deal_service_http_test",
        "kariz.demo.organization-id=demo",
        "kariz.deal.directory-await-timeout=20s",
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
class DealServiceHttpTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MockMvc http;

    private final String org = "org-" + UUID.randomUUID();
    private final String otherOrg = "other-" + UUID.randomUUID();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry properties) {
        properties.add("kariz.mongo.uri", MONGO::connectionString);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    /** The deal service as {@code DealServiceApplication} wires it, minus the Kafka relay of the event store. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = "app.kariz.deal", excludeFilters = {
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = DealServiceApplication.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
    @Import({WebConfiguration.class, CommandProblemHandling.class, MongoConfiguration.class})
    static class Service {

        private final EventStoreConfiguration eventStore = new EventStoreConfiguration();

        @Bean
        MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties properties) {
            return eventStore.axonMongoTemplate(client, properties);
        }

        @Bean
        EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate) {
            return eventStore.eventStorageEngine(axonMongoTemplate);
        }

        @Bean
        TokenStore tokenStore(MongoTemplate axonMongoTemplate) {
            return eventStore.tokenStore(axonMongoTemplate);
        }

        @Bean
        InitializingBean capturePositionsOfPublishedEvents(EventStore store) {
            return eventStore.capturePositionsOfPublishedEvents(store);
        }

        @Bean
        Clock clock() {
            return Clock.tickMillis(ZoneOffset.UTC);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** As {@code user-1}, an admin who sees everything. */
    private MockHttpServletRequestBuilder as(String organizationId, MockHttpServletRequestBuilder request) {
        return as(organizationId, "user-1", "ADMIN", "EVERYONE", request);
    }

    private static MockHttpServletRequestBuilder as(String organizationId, String userId, String role,
                                                    String visibility, MockHttpServletRequestBuilder request) {
        return request.header(IdentityHeaders.ORGANIZATION, organizationId).header(IdentityHeaders.USER, userId)
                .header(IdentityHeaders.ROLE, role).header(IdentityHeaders.VISIBILITY, visibility)
                .contentType(MediaType.APPLICATION_JSON);
    }

    private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return http.perform(as(org, request));
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String body) throws Exception {
        return http.perform(as(org, request).content(body));
    }

    private static JsonNode body(ResultActions result) throws Exception {
        MvcResult done = result.andReturn();
        return JSON.readTree(done.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get("id").asText()).toList();
    }

    private static ResultActions invalid(ResultActions result, String... fields) throws Exception {
        return result.andExpect(status().isUnprocessableEntity())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder((Object[]) fields)));
    }

    /** Creates a pipeline with the named stages; returns it as the response showed it. */
    private JsonNode pipeline(String name, String... stages) throws Exception {
        StringBuilder body = new StringBuilder("{\"name\": \"" + name + "\", \"stages\": [");
        for (int i = 0; i < stages.length; i++) {
            body.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(stages[i]).append("\"}");
        }
        return body(call(post("/api/v1/pipelines"), body.append("]}").toString()).andExpect(status().isCreated()));
    }

    private static String stage(JsonNode pipeline, int index) {
        return pipeline.get("stages").get(index).get("id").asText();
    }

    private String openDeal(JsonNode pipeline, int stageIndex) throws Exception {
        return body(call(post("/api/v1/deals"), """
                {"title": "قرارداد پشتیبانی", "pipelineId": "%s", "stageId": "%s"}"""
                .formatted(pipeline.get("id").asText(), stage(pipeline, stageIndex)))
                .andExpect(status().isCreated())).get("id").asText();
    }

    // ---- pipelines -------------------------------------------------------------------------------------------

    @Nested
    class Pipelines {

        @Test
        void creatingAPipelineAnswers201WithItsLocationStagesAndPosition() throws Exception {
            ResultActions created = call(post("/api/v1/pipelines"), """
                    {"name": " فروش سازمانی ", "stages": [{"name": "سرنخ"}, {"name": "جلسه", "rottenAfterDays": 7}]}""")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.name").value("فروش سازمانی"))
                    .andExpect(jsonPath("$.stages[0].name").value("سرنخ"))
                    .andExpect(jsonPath("$.stages[0].order").value(0))
                    .andExpect(jsonPath("$.stages[0].rottenAfterDays").value(nullValue()))
                    .andExpect(jsonPath("$.stages[1].order").value(1))
                    .andExpect(jsonPath("$.stages[1].rottenAfterDays").value(7));
            String id = body(created).get("id").asText();
            created.andExpect(header().string("Location", "/api/v1/pipelines/" + id))
                    .andExpect(header().string("Kariz-Position", "pipeline:" + id + ":0"));

            call(get("/api/v1/pipelines/" + id))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.stages[1].name").value("جلسه"))
                    .andExpect(jsonPath("$.stages[1].rottenAfterDays").value(7));
            call(get("/api/v1/pipelines")).andExpect(jsonPath("$[*].id", containsInAnyOrder(id)));
        }

        @Test
        void anotherOrganisationsPipelineIsNotFound() throws Exception {
            String id = pipeline("Sales", "Lead").get("id").asText();

            http.perform(as(otherOrg, get("/api/v1/pipelines/" + id))).andExpect(status().isNotFound());
            http.perform(as(otherOrg, patch("/api/v1/pipelines/" + id)).content("{\"name\": \"x\"}"))
                    .andExpect(status().isNotFound());
            http.perform(as(otherOrg, delete("/api/v1/pipelines/" + id))).andExpect(status().isNotFound());
            http.perform(as(otherOrg, get("/api/v1/pipelines"))).andExpect(jsonPath("$.length()").value(0));
            call(get("/api/v1/pipelines/no-such-pipeline")).andExpect(status().isNotFound());
        }

        @Test
        void invalidPipelinesAreRefusedNamingTheFields() throws Exception {
            invalid(call(post("/api/v1/pipelines"), """
                    {"name": " ", "stages": [{"name": "a", "rottenAfterDays": 0}, {"name": "%s"}]}"""
                    .formatted("x".repeat(101))), "name", "stages[0].rottenAfterDays", "stages[1].name");
            invalid(call(post("/api/v1/pipelines"), "{\"name\": \"Sales\", \"stages\": []}"), "stages");
            invalid(call(post("/api/v1/pipelines"), "{\"name\": \"Sales\", \"stages\": [{\"nam\": \"a\"}]}"),
                    "stages[0].nam");
            call(post("/api/v1/pipelines"),
                    "{\"name\": \"Sales\", \"stages\": [{\"name\": \"Lead\"}, {\"name\": \"lead\"}]}")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:rule-violated"));
            call(get("/api/v1/pipelines")).andExpect(jsonPath("$.length()").value(0));
        }

        @Test
        void aPipelineIsRenamed() throws Exception {
            String id = pipeline("Sales", "Lead").get("id").asText();

            call(patch("/api/v1/pipelines/" + id), "{\"name\": \"فروش شرکتی\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("فروش شرکتی"))
                    .andExpect(header().string("Kariz-Position", "pipeline:" + id + ":1"));
            invalid(call(patch("/api/v1/pipelines/" + id), "{\"name\": \"\"}"), "name");
            call(get("/api/v1/pipelines/" + id)).andExpect(jsonPath("$.name").value("فروش شرکتی"));
        }

        @Test
        void stagesAreAddedUpdatedAndReordered() throws Exception {
            JsonNode pipeline = pipeline("Sales", "سرنخ", "پیشنهاد");
            String id = pipeline.get("id").asText();

            ResultActions added = call(post("/api/v1/pipelines/" + id + "/stages"),
                    "{\"name\": \"جلسه\", \"rottenAfterDays\": 14, \"position\": 1}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.name").value("جلسه"))
                    .andExpect(jsonPath("$.order").value(1))
                    .andExpect(jsonPath("$.rottenAfterDays").value(14));
            String meeting = body(added).get("id").asText();
            added.andExpect(header().string("Location", "/api/v1/pipelines/" + id + "/stages/" + meeting));
            call(post("/api/v1/pipelines/" + id + "/stages"), "{\"name\": \"جلسه\"}").andExpect(status().isConflict());
            invalid(call(post("/api/v1/pipelines/" + id + "/stages"), "{\"name\": \"x\", \"position\": 9}"),
                    "position");
            invalid(call(post("/api/v1/pipelines/" + id + "/stages"), "{\"name\": \"x\", \"position\": -1}"),
                    "position");

            call(patch("/api/v1/pipelines/" + id + "/stages/" + meeting), "{\"rottenAfterDays\": null}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("جلسه"))
                    .andExpect(jsonPath("$.rottenAfterDays").value(nullValue()));
            call(patch("/api/v1/pipelines/" + id + "/stages/" + meeting), "{\"name\": \"جلسه معرفی\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("جلسه معرفی"))
                    .andExpect(jsonPath("$.rottenAfterDays").value(nullValue()));
            call(patch("/api/v1/pipelines/" + id + "/stages/" + meeting), "{}")
                    .andExpect(status().isOk())
                    .andExpect(header().doesNotExist("Kariz-Position"));
            invalid(call(patch("/api/v1/pipelines/" + id + "/stages/" + meeting), "{\"name\": null}"), "name");
            invalid(call(patch("/api/v1/pipelines/" + id + "/stages/" + meeting), "{\"rottenAfterDays\": 3651}"),
                    "rottenAfterDays");
            invalid(call(patch("/api/v1/pipelines/" + id + "/stages/" + meeting), "{\"colour\": \"red\"}"), "colour");
            call(patch("/api/v1/pipelines/" + id + "/stages/no-such-stage"), "{\"name\": \"x\"}")
                    .andExpect(status().isNotFound());

            List<String> stages = List.of(stage(pipeline, 0), meeting, stage(pipeline, 1));
            invalid(call(put("/api/v1/pipelines/" + id + "/stage-order"),
                    "{\"stageIds\": [\"%s\", \"%s\"]}".formatted(stages.get(0), stages.get(1))), "stageIds");
            call(put("/api/v1/pipelines/" + id + "/stage-order"), "{\"stageIds\": [\"%s\", \"%s\", \"%s\"]}"
                    .formatted(stages.get(2), stages.get(1), stages.get(0)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.stages[0].id").value(stages.get(2)))
                    .andExpect(jsonPath("$.stages[0].order").value(0));
            assertThat(ids(body(call(get("/api/v1/pipelines/" + id))).get("stages")))
                    .containsExactly(stages.get(2), stages.get(1), stages.get(0));
            call(get("/api/v1/pipelines/" + id)).andExpect(jsonPath("$.stages[1].name").value("جلسه معرفی"));
        }

        @Test
        void anEmptyStageIsRemovedButNotThePipelinesLast() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead", "Won");
            String id = pipeline.get("id").asText();

            call(delete("/api/v1/pipelines/" + id + "/stages/" + stage(pipeline, 0)))
                    .andExpect(status().isNoContent())
                    .andExpect(header().string("Kariz-Position", "pipeline:" + id + ":1"));
            call(delete("/api/v1/pipelines/" + id + "/stages/" + stage(pipeline, 0)))
                    .andExpect(status().isNotFound());
            call(delete("/api/v1/pipelines/" + id + "/stages/" + stage(pipeline, 1)))
                    .andExpect(status().isConflict());
            assertThat(ids(body(call(get("/api/v1/pipelines/" + id))).get("stages")))
                    .containsExactly(stage(pipeline, 1));
        }

        @Test
        void aStageHoldingDealsIsRemovedOnlyWithATargetWhereEveryDealMoves() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead", "Meeting", "Proposal");
            String id = pipeline.get("id").asText();
            String open = openDeal(pipeline, 0);
            String lost = openDeal(pipeline, 0);
            call(post("/api/v1/deals/" + lost + "/lost"), "{\"reason\": \"price\"}").andExpect(status().isOk());
            String elsewhere = openDeal(pipeline, 2);

            // The deals were opened a moment ago: the removal must see them all the same.
            call(delete("/api/v1/pipelines/" + id + "/stages/" + stage(pipeline, 0)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail", containsString("2 deal(s)")));
            invalid(call(delete("/api/v1/pipelines/" + id + "/stages/" + stage(pipeline, 0) + "?moveDealsTo="
                    + stage(pipeline, 0))), "moveDealsTo");
            invalid(call(delete("/api/v1/pipelines/" + id + "/stages/" + stage(pipeline, 0)
                    + "?moveDealsTo=no-such-stage")), "moveDealsTo");

            ResultActions removed = call(delete("/api/v1/pipelines/" + id + "/stages/" + stage(pipeline, 0)
                    + "?moveDealsTo=" + stage(pipeline, 1)))
                    .andExpect(status().isNoContent());
            assertThat(removed.andReturn().getResponse().getHeader("Kariz-Position").split(","))
                    .containsExactlyInAnyOrder("deal:" + open + ":1", "deal:" + lost + ":2", "pipeline:" + id + ":1");

            call(post("/api/v1/deals/" + open + "/won"), "{}")
                    .andExpect(jsonPath("$.stageId").value(stage(pipeline, 1)));
            call(post("/api/v1/deals/" + lost + "/reopen"), "{}")
                    .andExpect(jsonPath("$.stageId").value(stage(pipeline, 1)))
                    .andExpect(jsonPath("$.version").value(3));
            call(post("/api/v1/deals/" + elsewhere + "/won"), "{}")
                    .andExpect(jsonPath("$.stageId").value(stage(pipeline, 2)));
            invalid(call(post("/api/v1/deals"), "{\"title\": \"late\", \"pipelineId\": \"%s\", \"stageId\": \"%s\"}"
                    .formatted(id, stage(pipeline, 0))), "stageId");
        }

        @Test
        void aPipelineHoldingAnyDealIsNotDeleted() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead");
            String id = pipeline.get("id").asText();
            String deal = openDeal(pipeline, 0);
            call(post("/api/v1/deals/" + deal + "/lost"), "{\"reason\": \"price\"}").andExpect(status().isOk());

            call(delete("/api/v1/pipelines/" + id)).andExpect(status().isConflict());
            call(delete("/api/v1/deals/" + deal)).andExpect(status().isNoContent());
            call(delete("/api/v1/pipelines/" + id))
                    .andExpect(status().isNoContent())
                    .andExpect(header().string("Kariz-Position", "pipeline:" + id + ":1"));

            call(get("/api/v1/pipelines/" + id)).andExpect(status().isNotFound());
            call(delete("/api/v1/pipelines/" + id)).andExpect(status().isNotFound());
            call(post("/api/v1/pipelines/" + id + "/stages"), "{\"name\": \"x\"}").andExpect(status().isNotFound());
            invalid(call(post("/api/v1/deals"), "{\"title\": \"t\", \"pipelineId\": \"%s\", \"stageId\": \"%s\"}"
                    .formatted(id, stage(pipeline, 0))), "pipelineId");
        }
    }

    // ---- deals -----------------------------------------------------------------------------------------------

    @Nested
    class Deals {

        @Test
        void openingADealAnswers201WithVersionZero() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead");
            ResultActions opened = call(post("/api/v1/deals"), """
                    {"title": "قرارداد", "pipelineId": "%s", "stageId": "%s", "value": {"amount": "1200.00",
                     "currency": "IRR"}, "personName": "سارا"}""".formatted(pipeline.get("id").asText(),
                    stage(pipeline, 0)))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("ETag", "\"0\""))
                    .andExpect(jsonPath("$.version").value(0))
                    .andExpect(jsonPath("$.ownerId").value("user-1"))
                    .andExpect(jsonPath("$.value.amount").value("1200.00"));
            String id = body(opened).get("id").asText();
            opened.andExpect(header().string("Location", "/api/v1/deals/" + id))
                    .andExpect(header().string("Kariz-Position", "deal:" + id + ":0"));
        }

        @Test
        void invalidDealsAreRefusedNamingTheFields() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead");
            String ids = "\"pipelineId\": \"%s\", \"stageId\": \"%s\"".formatted(pipeline.get("id").asText(),
                    stage(pipeline, 0));
            invalid(call(post("/api/v1/deals"), "{\"title\": \"\", " + ids
                    + ", \"value\": {\"amount\": \"-1\", \"currency\": \"rial\"}}"),
                    "title", "value.amount", "value.currency");
            invalid(call(post("/api/v1/deals"), "{\"title\": \"t\", " + ids
                    + ", \"value\": {\"amount\": \"1\", \"currency\": \"ABC\"}}"), "value.currency");
            invalid(call(post("/api/v1/deals"), "{\"title\": \"t\", " + ids + ", \"personName\": \""
                    + "س".repeat(256) + "\"}"), "personName");
            invalid(call(post("/api/v1/deals"), "{\"title\": \"t\", \"pipelineId\": \"%s\", \"stageId\": \"other\"}"
                    .formatted(pipeline.get("id").asText())), "stageId");
        }

        @Test
        void anEditRecordsOnlyWhatChangedAndNullClearsAnOptionalField() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead");
            String deal = body(call(post("/api/v1/deals"), """
                    {"title": "قرارداد", "pipelineId": "%s", "stageId": "%s", "personName": "سارا",
                     "expectedCloseDate": "2026-12-31"}""".formatted(pipeline.get("id").asText(),
                    stage(pipeline, 0)))).get("id").asText();

            call(patch("/api/v1/deals/" + deal), """
                    {"title": "قرارداد سالانه", "personName": null, "value": {"amount": "2500", "currency": "EUR"}}""")
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"1\""))
                    .andExpect(header().string("Kariz-Position", "deal:" + deal + ":1"))
                    .andExpect(jsonPath("$.title").value("قرارداد سالانه"))
                    .andExpect(jsonPath("$.personName").value(nullValue()))
                    .andExpect(jsonPath("$.expectedCloseDate").value("2026-12-31"))
                    .andExpect(jsonPath("$.value.currency").value("EUR"))
                    .andExpect(jsonPath("$.version").value(1));
            call(patch("/api/v1/deals/" + deal), "{\"title\": \" قرارداد سالانه \", \"personName\": null}")
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"1\""))
                    .andExpect(header().doesNotExist("Kariz-Position"));
            invalid(call(patch("/api/v1/deals/" + deal), "{\"title\": null}"), "title");
            invalid(call(patch("/api/v1/deals/" + deal), "{\"ownerId\": \"\"}"), "ownerId");
            invalid(call(patch("/api/v1/deals/" + deal), "{\"value\": {\"amount\": \"1\", \"currency\": \"ABC\"}}"),
                    "value.currency");
            invalid(call(patch("/api/v1/deals/" + deal), "{\"expectedCloseDate\": \"31/12/2026\"}"),
                    "expectedCloseDate");
            invalid(call(patch("/api/v1/deals/" + deal), "{\"titel\": \"typo\"}"), "titel");
            call(patch("/api/v1/deals/" + deal), "{\"expectedCloseDate\": null, \"value\": null}")
                    .andExpect(jsonPath("$.expectedCloseDate").value(nullValue()))
                    .andExpect(jsonPath("$.value").value(nullValue()))
                    .andExpect(jsonPath("$.version").value(2));
        }

        @Test
        void aStaleIfMatchIsRefusedWith412AndChangesNothing() throws Exception {
            String deal = openDeal(pipeline("Sales", "Lead"), 0);
            call(patch("/api/v1/deals/" + deal).header("If-Match", "\"0\""), "{\"title\": \"first\"}")
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"1\""));

            call(patch("/api/v1/deals/" + deal).header("If-Match", "\"0\""), "{\"title\": \"second\"}")
                    .andExpect(status().isPreconditionFailed())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(header().string("ETag", "\"1\""))
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:precondition-failed"))
                    .andExpect(jsonPath("$.status").value(412))
                    .andExpect(jsonPath("$.currentVersion").value(1));
            call(post("/api/v1/deals/" + deal + "/won").header("If-Match", "W/\"0\""), "{}")
                    .andExpect(status().isPreconditionFailed());
            call(delete("/api/v1/deals/" + deal).header("If-Match", "\"not-a-version\""))
                    .andExpect(status().isPreconditionFailed());

            call(patch("/api/v1/deals/" + deal).header("If-Match", "1"), "{}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.title").value("first"))
                    .andExpect(jsonPath("$.status").value("OPEN"));
        }

        @Test
        void ifMatchAcceptsTheCurrentVersionInEachFormAndWithoutItTheLastWriterWins() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead", "Won");
            String deal = openDeal(pipeline, 0);

            call(post("/api/v1/deals/" + deal + "/move").header("If-Match", "\"0\""),
                    "{\"stageId\": \"%s\"}".formatted(stage(pipeline, 1)))
                    .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
            call(post("/api/v1/deals/" + deal + "/lost").header("If-Match", "W/\"1\""), "{\"reason\": \"price\"}")
                    .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
            call(post("/api/v1/deals/" + deal + "/reopen").header("If-Match", "2"), "{}")
                    .andExpect(status().isOk()).andExpect(header().string("ETag", "\"3\""));
            call(post("/api/v1/deals/" + deal + "/won").header("If-Match", "\"1\", \"3\""), "{}")
                    .andExpect(status().isOk()).andExpect(header().string("ETag", "\"4\""));
            call(post("/api/v1/deals/" + deal + "/reopen").header("If-Match", "*"), "{}")
                    .andExpect(status().isOk()).andExpect(header().string("ETag", "\"5\""));
            call(post("/api/v1/deals/" + deal + "/won"), "{}")
                    .andExpect(status().isOk()).andExpect(header().string("ETag", "\"6\""));
            call(delete("/api/v1/deals/" + deal).header("If-Match", "\"6\""))
                    .andExpect(status().isNoContent())
                    .andExpect(header().string("Kariz-Position", "deal:" + deal + ":7"));
        }

        @Test
        void aDealMovesToAStageOfAnotherPipelineOfItsOrganisation() throws Exception {
            JsonNode sales = pipeline("Sales", "Lead");
            JsonNode renewals = pipeline("تمدید", "یادآوری", "تمدید");
            String deal = openDeal(sales, 0);

            call(post("/api/v1/deals/" + deal + "/move"), "{\"stageId\": \"%s\"}".formatted(stage(renewals, 1)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.pipelineId").value(renewals.get("id").asText()))
                    .andExpect(jsonPath("$.stageId").value(stage(renewals, 1)));
            // The deal left Sales, so Sales can go; the renewals pipeline now holds it.
            call(delete("/api/v1/pipelines/" + renewals.get("id").asText())).andExpect(status().isConflict());
            call(delete("/api/v1/pipelines/" + sales.get("id").asText())).andExpect(status().isNoContent());

            invalid(call(post("/api/v1/deals/" + deal + "/move"), "{\"stageId\": \"no-such-stage\"}"), "stageId");
            JsonNode foreign = body(http.perform(as(otherOrg, post("/api/v1/pipelines"))
                    .content("{\"name\": \"theirs\", \"stages\": [{\"name\": \"x\"}]}")));
            invalid(call(post("/api/v1/deals/" + deal + "/move"), "{\"stageId\": \"%s\"}"
                    .formatted(stage(foreign, 0))), "stageId");
        }

        @Test
        void closedDealsDoNotMoveAndLosingNeedsAShortEnoughReason() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead", "Won");
            String deal = openDeal(pipeline, 0);

            invalid(call(post("/api/v1/deals/" + deal + "/lost"), "{\"reason\": \"%s\"}".formatted("د".repeat(501))),
                    "reason");
            invalid(call(post("/api/v1/deals/" + deal + "/lost"), "{\"reason\": \"  \"}"), "reason");
            call(post("/api/v1/deals/" + deal + "/lost"), "{\"reason\": \"%s\"}".formatted("د".repeat(500)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("LOST"));
            call(post("/api/v1/deals/" + deal + "/move"), "{\"stageId\": \"%s\"}".formatted(stage(pipeline, 1)))
                    .andExpect(status().isConflict());
            call(patch("/api/v1/deals/" + deal), "{\"title\": \"edited after losing\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("LOST"));
        }

        @Test
        void aDeletedDealAnswers404ToEveryWrite() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead", "Won");
            String deal = openDeal(pipeline, 0);

            call(delete("/api/v1/deals/" + deal)).andExpect(status().isNoContent());

            call(post("/api/v1/deals/" + deal + "/won"), "{}").andExpect(status().isNotFound());
            call(patch("/api/v1/deals/" + deal), "{\"title\": \"x\"}").andExpect(status().isNotFound());
            call(post("/api/v1/deals/" + deal + "/move"), "{\"stageId\": \"%s\"}".formatted(stage(pipeline, 1)))
                    .andExpect(status().isNotFound());
            call(delete("/api/v1/deals/" + deal)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:not-found"));
            call(delete("/api/v1/deals/" + deal).header("If-Match", "\"1\"")).andExpect(status().isNotFound());
            // Deleted, it no longer holds its stage.
            call(delete("/api/v1/pipelines/" + pipeline.get("id").asText() + "/stages/" + stage(pipeline, 0)))
                    .andExpect(status().isNoContent());
        }

        @Test
        void anotherOrganisationsDealIsNotFound() throws Exception {
            String deal = openDeal(pipeline("Sales", "Lead"), 0);

            http.perform(as(otherOrg, delete("/api/v1/deals/" + deal))).andExpect(status().isNotFound());
            http.perform(as(otherOrg, patch("/api/v1/deals/" + deal)).content("{\"title\": \"x\"}")
                    .header("If-Match", "\"9\"")).andExpect(status().isNotFound());
            call(post("/api/v1/deals/no-such-deal/won"), "{}").andExpect(status().isNotFound());
        }
    }

    // ---- visibility ------------------------------------------------------------------------------------------

    /** A member of an organisation where only owners and managers see everything (docs/identity-and-tenancy.md). */
    @Nested
    class RestrictedMember {

        private ResultActions asMember(String userId, MockHttpServletRequestBuilder request, String body)
                throws Exception {
            return http.perform(as(org, userId, "MEMBER", "OWNER_AND_MANAGERS", request).content(body));
        }

        private String dealOwnedBy(JsonNode pipeline, String ownerId) throws Exception {
            return body(call(post("/api/v1/deals"), """
                    {"title": "قرارداد", "pipelineId": "%s", "stageId": "%s", "ownerId": "%s"}"""
                    .formatted(pipeline.get("id").asText(), stage(pipeline, 0), ownerId))
                    .andExpect(status().isCreated())).get("id").asText();
        }

        private void notFound(ResultActions result) throws Exception {
            result.andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:not-found"));
        }

        @Test
        void everyWriteOnAnotherOwnersDealIsNotFoundAndChangesNothing() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead", "Proposal");
            String theirs = dealOwnedBy(pipeline, "member-2");
            String theirsClosed = dealOwnedBy(pipeline, "member-2");
            call(post("/api/v1/deals/" + theirsClosed + "/won"), "{}").andExpect(status().isOk());

            notFound(asMember("member-1", patch("/api/v1/deals/" + theirs), "{\"title\": \"mine now\"}"));
            notFound(asMember("member-1", patch("/api/v1/deals/" + theirs), "{\"ownerId\": \"member-1\"}"));
            notFound(asMember("member-1", post("/api/v1/deals/" + theirs + "/move"),
                    "{\"stageId\": \"%s\"}".formatted(stage(pipeline, 1))));
            notFound(asMember("member-1", post("/api/v1/deals/" + theirs + "/won"), "{}"));
            notFound(asMember("member-1", post("/api/v1/deals/" + theirs + "/lost"), "{\"reason\": \"price\"}"));
            notFound(asMember("member-1", post("/api/v1/deals/" + theirsClosed + "/reopen"), "{}"));
            notFound(asMember("member-1", delete("/api/v1/deals/" + theirs), ""));

            // Untouched: still at the versions they had.
            call(patch("/api/v1/deals/" + theirs).header("If-Match", "\"0\""), "{}").andExpect(status().isOk())
                    .andExpect(jsonPath("$.ownerId").value("member-2"))
                    .andExpect(jsonPath("$.status").value("OPEN"));
            call(patch("/api/v1/deals/" + theirsClosed).header("If-Match", "\"1\""), "{}")
                    .andExpect(jsonPath("$.status").value("WON"));
        }

        @Test
        void everyWriteOnTheirOwnDealWorks() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead", "Proposal");
            String mine = dealOwnedBy(pipeline, "member-1");

            asMember("member-1", patch("/api/v1/deals/" + mine), "{\"title\": \"renamed\"}")
                    .andExpect(status().isOk());
            asMember("member-1", post("/api/v1/deals/" + mine + "/move"),
                    "{\"stageId\": \"%s\"}".formatted(stage(pipeline, 1))).andExpect(status().isOk());
            asMember("member-1", post("/api/v1/deals/" + mine + "/lost"), "{\"reason\": \"price\"}")
                    .andExpect(status().isOk());
            asMember("member-1", post("/api/v1/deals/" + mine + "/reopen"), "{}").andExpect(status().isOk());
            asMember("member-1", post("/api/v1/deals/" + mine + "/won"), "{}").andExpect(status().isOk());
            asMember("member-1", delete("/api/v1/deals/" + mine), "").andExpect(status().isNoContent());
        }

        @Test
        void theyOpenDealsOnlyForThemselves() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead");
            String ids = "\"pipelineId\": \"%s\", \"stageId\": \"%s\"".formatted(pipeline.get("id").asText(),
                    stage(pipeline, 0));

            asMember("member-1", post("/api/v1/deals"), "{\"title\": \"t\", \"ownerId\": \"member-2\", " + ids + "}")
                    .andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:forbidden"))
                    .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
            asMember("member-1", post("/api/v1/deals"), "{\"title\": \"t\", \"ownerId\": \"member-1\", " + ids + "}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.ownerId").value("member-1"));
            asMember("member-1", post("/api/v1/deals"), "{\"title\": \"t\", " + ids + "}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.ownerId").value("member-1"));
        }

        @Test
        void handingTheirDealToSomeoneElsePutsItOutOfTheirReach() throws Exception {
            String mine = dealOwnedBy(pipeline("Sales", "Lead"), "member-1");

            asMember("member-1", patch("/api/v1/deals/" + mine), "{\"ownerId\": \"member-2\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ownerId").value("member-2"));

            notFound(asMember("member-1", patch("/api/v1/deals/" + mine), "{\"ownerId\": \"member-1\"}"));
            asMember("member-2", patch("/api/v1/deals/" + mine), "{\"title\": \"got it\"}")
                    .andExpect(status().isOk());
        }

        @Test
        void managersAndMembersWhereEveryoneSeesAllChangeAnyDeal() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead");
            String theirs = dealOwnedBy(pipeline, "member-2");

            http.perform(as(org, "manager-1", "MANAGER", "OWNER_AND_MANAGERS", patch("/api/v1/deals/" + theirs))
                    .content("{\"title\": \"by the manager\"}")).andExpect(status().isOk());
            http.perform(as(org, "member-1", "MEMBER", "EVERYONE", patch("/api/v1/deals/" + theirs))
                    .content("{\"title\": \"by a colleague\"}")).andExpect(status().isOk());
            http.perform(as(org, "member-1", "MEMBER", "EVERYONE", post("/api/v1/deals"))
                    .content(("{\"title\": \"t\", \"ownerId\": \"member-2\", \"pipelineId\": \"%s\", "
                            + "\"stageId\": \"%s\"}").formatted(pipeline.get("id").asText(), stage(pipeline, 0))))
                    .andExpect(status().isCreated());
        }

        @Test
        void everyoneReadsPipelinesButOnlyAdminsChangeThem() throws Exception {
            JsonNode pipeline = pipeline("Sales", "Lead", "Won");
            String id = pipeline.get("id").asText();

            asMember("member-1", get("/api/v1/pipelines/" + id), "").andExpect(status().isOk());
            asMember("member-1", get("/api/v1/pipelines"), "").andExpect(jsonPath("$[*].id", containsInAnyOrder(id)));
            for (String role : List.of("MEMBER", "MANAGER")) {
                for (MockHttpServletRequestBuilder change : List.of(
                        post("/api/v1/pipelines").content("{\"name\": \"x\", \"stages\": [{\"name\": \"a\"}]}"),
                        patch("/api/v1/pipelines/" + id).content("{\"name\": \"x\"}"),
                        delete("/api/v1/pipelines/" + id),
                        post("/api/v1/pipelines/" + id + "/stages").content("{\"name\": \"x\"}"),
                        patch("/api/v1/pipelines/" + id + "/stages/" + stage(pipeline, 0)).content("{\"name\": \"x\"}"),
                        put("/api/v1/pipelines/" + id + "/stage-order").content("{\"stageIds\": [\"%s\", \"%s\"]}"
                                .formatted(stage(pipeline, 1), stage(pipeline, 0))),
                        delete("/api/v1/pipelines/" + id + "/stages/" + stage(pipeline, 1)))) {
                    http.perform(as(org, "someone", role, "EVERYONE", change))
                            .andExpect(status().isForbidden())
                            .andExpect(jsonPath("$.type").value("urn:kariz:problem:forbidden"));
                }
            }
            call(get("/api/v1/pipelines/" + id)).andExpect(jsonPath("$.name").value("Sales"))
                    .andExpect(jsonPath("$.stages.length()").value(2));
        }
    }

    // ---- new organisations -----------------------------------------------------------------------------------

    /** The organisations topic's consumer is left out (no Kafka here); its handler gets the events directly. */
    @Nested
    class NewOrganizations {

        @Autowired
        private DefaultPipelineSeeder seeder;

        private ConsumedEvent created(String organizationId) {
            return new ConsumedEvent(UUID.randomUUID().toString(),
                    EventCatalog.byJavaType(OrganizationCreated.class).orElseThrow().ceType(),
                    new Position("organization", organizationId, 0), Instant.parse("2026-11-27T08:00:00Z"),
                    "correlation-1", new OrganizationCreated(organizationId, "Acme", "Asia/Tehran", "fa",
                    Instant.parse("2026-11-27T08:00:00Z"), "platform-admin"));
        }

        @Test
        void aNewOrganisationGetsTheSalesPipelineWithItsFourStages() throws Exception {
            call(get("/api/v1/pipelines")).andExpect(jsonPath("$.length()").value(0));

            new NewOrganizationPipelines(seeder, Duration.ofSeconds(20)).handle(created(org));

            call(get("/api/v1/pipelines"))
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].name").value("Sales"))
                    .andExpect(jsonPath("$[0].stages[*].name").value(contains("Qualified", "Contact made",
                            "Proposal made", "Negotiation")))
                    .andExpect(jsonPath("$[0].stages[*].order").value(contains(0, 1, 2, 3)));
            http.perform(as(otherOrg, get("/api/v1/pipelines"))).andExpect(jsonPath("$.length()").value(0));
        }

        @Test
        void aReDeliveredOrganisationStillHasOnePipeline() throws Exception {
            NewOrganizationPipelines handler = new NewOrganizationPipelines(seeder, Duration.ofSeconds(20));

            handler.handle(created(org));
            handler.handle(created(org));
            new NewOrganizationPipelines(seeder, Duration.ofSeconds(20)).handle(created(org));

            call(get("/api/v1/pipelines"))
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].stages.length()").value(4));
        }

        @Test
        void aSalesPipelineTheOrganisationDeletedStaysDeleted() throws Exception {
            NewOrganizationPipelines handler = new NewOrganizationPipelines(seeder, Duration.ofSeconds(20));
            handler.handle(created(org));
            String id = body(call(get("/api/v1/pipelines"))).get(0).get("id").asText();
            call(delete("/api/v1/pipelines/" + id)).andExpect(status().isNoContent());

            handler.handle(created(org));

            call(get("/api/v1/pipelines")).andExpect(jsonPath("$.length()").value(0));
        }

        @Test
        void theDemoOrganisationWasSeededAtStartup() throws Exception {
            http.perform(as("demo", get("/api/v1/pipelines")))
                    .andExpect(jsonPath("$[?(@.name == 'Sales')].stages.length()").value(contains(4)));
        }
    }
}
