package app.kariz.activity;

import app.kariz.activity.deal.DealDeletionCascade;
import app.kariz.activity.deal.KnownDeals;
import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealEvent;
import app.kariz.events.deal.DealOpened;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.EventStreamConsumer;
import app.kariz.testing.mongo.InProcessMongo;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/**
 * The service as Spring wires it, with MongoDB in process and Kafka left out: its client beans are mocks, and
 * tests hand deal events to the handlers as the deal topic's consumer would. Test classes extending this share
 * one application context (and one MongoDB), so each test works on deals of its own.
 */
@SpringBootTest(properties = "spring.config.name=activity-service")
@AutoConfigureMockMvc
public abstract class ActivityServiceTestContext {

    /** Stopped with the test JVM: the cached application context uses it across test classes. */
    private static final InProcessMongo MONGO = InProcessMongo.start();
    protected static final String ORG = "org-1";
    protected static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @MockitoBean
    protected Admin kafkaAdmin;
    /** Not reset between tests, so the relay running in the background always finds its sends acknowledged. */
    @MockitoBean(reset = MockReset.NONE)
    protected Producer<String, byte[]> eventProducer;
    @MockitoBean
    protected EventStreamConsumer dealEventConsumer;

    @Autowired
    protected MockMvc http;
    @Autowired
    protected KnownDeals knownDeals;
    @Autowired
    protected DealDeletionCascade cascade;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("kariz.mongo.uri", MONGO::connectionString);
        registry.add("kariz.mongo.database", () -> "activity_context_test");
    }

    @BeforeEach
    void kafkaAcknowledgesEverySend() {
        when(eventProducer.send(any())).thenReturn(CompletableFuture.completedFuture(null));
    }

    /** A deal event as the deal topic's consumer applies it. */
    protected void applyDealEvent(DealEvent event, long sequence) {
        ConsumedEvent consumed = DealEvents.consumed(event, sequence);
        knownDeals.handle(consumed);
        cascade.handle(consumed);
    }

    /** @return the id of a new deal of {@link #ORG}, owned by {@code ownerId} */
    protected String dealOpened(String ownerId) {
        return dealOpened(ORG, ownerId);
    }

    /** @return the id of a new deal of the organisation, owned by {@code ownerId} */
    protected String dealOpened(String organizationId, String ownerId) {
        String dealId = "deal-" + UUID.randomUUID();
        applyDealEvent(new DealOpened(organizationId, dealId, "pipeline-1", "stage-1", "قرارداد", null, ownerId, null,
                null, null, NOW, ownerId), 0);
        return dealId;
    }

    protected void dealDeleted(String dealId, long sequence) {
        applyDealEvent(new DealDeleted(ORG, dealId, NOW, "manager-1"), sequence);
    }

    protected static MockHttpServletRequestBuilder as(String organizationId, MockHttpServletRequestBuilder request) {
        return request.header(IdentityHeaders.ORGANIZATION, organizationId).header(IdentityHeaders.USER, "user-1")
                .header(IdentityHeaders.ROLE, "ADMIN").header(IdentityHeaders.VISIBILITY, "EVERYONE");
    }

    protected ResultActions get(String path) throws Exception {
        return get(ORG, path);
    }

    protected ResultActions get(String organizationId, String path) throws Exception {
        return http.perform(as(organizationId, MockMvcRequestBuilders.get(path)));
    }

    protected ResultActions post(String path, String json) throws Exception {
        return post(ORG, path, json);
    }

    protected ResultActions post(String organizationId, String path, String json) throws Exception {
        return http.perform(as(organizationId, MockMvcRequestBuilders.post(path))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    protected ResultActions patch(String path, String json) throws Exception {
        return patch(ORG, path, json);
    }

    protected ResultActions patch(String organizationId, String path, String json) throws Exception {
        return http.perform(as(organizationId, MockMvcRequestBuilders.patch(path))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A value of a response body, by JSON path. */
    protected static <T> T read(ResultActions response, String path) throws Exception {
        return JsonPath.read(response.andReturn().getResponse().getContentAsString(), path);
    }
}
