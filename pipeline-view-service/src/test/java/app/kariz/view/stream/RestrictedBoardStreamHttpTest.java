package app.kariz.view.stream;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealFields;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.testing.sse.EventStreamClient;
import app.kariz.view.DealStory;
import app.kariz.view.PipelineStory;
import app.kariz.view.SettableClock;
import app.kariz.view.projection.PipelineViewProjection;
import app.kariz.view.store.ViewCollections;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live board stream of a member restricted to their own deals, over real HTTP: only their cards, a removal
 * when a card is handed away, the card when one is handed to them, and the same on resuming. A manager's stream
 * of the same board gets everything, so each restriction shows against it.
 *
 * <p>"Nothing about someone else's card arrived" is asserted after a later change of the member's own card has
 * arrived: changes are sent in the order they were applied, so by then the earlier one was dealt with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=pipeline-view-service",
        "kariz.view.consumer.enabled=false",
        "kariz.view.stream.poll-interval=50ms",
        "kariz.view.stream.heartbeat-interval=300ms"})
class RestrictedBoardStreamHttpTest {

    private static final String ORG = "org-1";
    private static final String SALES = "pipeline-1";
    private static final String MEMBER = "member-1";
    private static final String COLLEAGUE = "member-2";
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    /** 11:00 UTC. */
    private static final Due TODAY_14_30 =
            new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("14:30"), "Asia/Tehran");
    private static final Duration PUSH_DEADLINE = Duration.ofSeconds(15);
    private static final InProcessMongo MONGO = InProcessMongo.start();

    @LocalServerPort
    private int port;
    @Autowired
    private PipelineViewProjection projection;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private ViewCollections collections;
    @Autowired
    private SettableClock clock;
    @Autowired
    private ObjectMapper json;
    private final List<EventStreamClient> clients = new ArrayList<>();
    private DealStory mine;
    private DealStory theirs;

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
        registry.add("kariz.mongo.database", () -> "view_restricted_stream_test");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    /** "mine" is the member's and "theirs" the colleague's, both on the lead stage with a call due at 14:30. */
    @BeforeEach
    void aDealOfTheMemberAndOneOfAColleague() {
        database.drop();
        collections.createIndexes();
        clock.set(NOW);
        projection.handle(new PipelineStory(ORG, SALES).created("Sales", List.of(
                new PipelineStage("lead", "Lead", 0, null), new PipelineStage("proposal", "Proposal", 1, null))));
        mine = new DealStory(ORG, "mine");
        theirs = new DealStory(ORG, "theirs");
        List.of(mine.opened("Mine", SALES, "lead", T0), handTo(mine, MEMBER, T0.plusSeconds(1)),
                        mine.scheduled("call-1", "call", "Call", TODAY_14_30, T0.plusSeconds(2)),
                        theirs.opened("Theirs", SALES, "lead", T0.plusSeconds(3)),
                        handTo(theirs, COLLEAGUE, T0.plusSeconds(4)),
                        theirs.scheduled("call-2", "call", "Call", TODAY_14_30, T0.plusSeconds(5)))
                .forEach(projection::handle);
    }

    @AfterEach
    void closeStreams() {
        clients.forEach(EventStreamClient::close);
    }

    @Test
    void aRestrictedMemberIsSentOnlyTheirOwnCards() {
        EventStreamClient member = open(MEMBER, "MEMBER", null);
        EventStreamClient manager = open("manager-1", "MANAGER", null);

        List.of(theirs.moved("proposal", T0.plusSeconds(100)), mine.moved("proposal", T0.plusSeconds(101)))
                .forEach(projection::handle);

        await().atMost(PUSH_DEADLINE).until(() -> member.events("card").size() == 1);
        assertThat(member.events()).extracting(this::summary).containsExactly("card mine");
        await().atMost(PUSH_DEADLINE).until(() -> manager.events("card").size() == 2);
        assertThat(manager.events()).extracting(this::summary).containsExactly("card theirs", "card mine");
    }

    @Test
    void aCardHandedAwayIsRemovedForTheMemberAndOneHandedToThemAppears() {
        EventStreamClient member = open(MEMBER, "MEMBER", null);
        EventStreamClient manager = open("manager-1", "MANAGER", null);

        projection.handle(handTo(mine, COLLEAGUE, T0.plusSeconds(100)));

        await().atMost(PUSH_DEADLINE).until(() -> !member.events().isEmpty());
        assertThat(member.events()).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("removed");
            assertThat(tree(event.data())).isEqualTo(tree("{\"id\": \"mine\", \"reason\": \"OWNER_CHANGED\"}"));
        });
        await().atMost(PUSH_DEADLINE).until(() -> !manager.events().isEmpty());
        assertThat(manager.events()).extracting(this::summary).containsExactly("card mine");

        projection.handle(handTo(theirs, MEMBER, T0.plusSeconds(101)));

        await().atMost(PUSH_DEADLINE).until(() -> member.events().size() == 2);
        EventStreamClient.Event handedIn = member.events().get(1);
        assertThat(handedIn.event()).isEqualTo("card");
        assertThat(field(handedIn, "id")).isEqualTo("theirs");
        assertThat(field(handedIn, "ownerId")).isEqualTo(MEMBER);
    }

    @Test
    void theMembersDeletedCardIsRemovedAndSomeoneElsesDeletionIsNotMentioned() {
        EventStreamClient member = open(MEMBER, "MEMBER", null);

        List.of(theirs.deleted(T0.plusSeconds(100)), mine.deleted(T0.plusSeconds(101))).forEach(projection::handle);

        await().atMost(PUSH_DEADLINE).until(() -> !member.events().isEmpty());
        assertThat(member.events()).singleElement().satisfies(event ->
                assertThat(tree(event.data())).isEqualTo(tree("{\"id\": \"mine\", \"reason\": \"DELETED\"}")));
    }

    @Test
    void aResumedRestrictedStreamReplaysOnlyWhatConcernsTheMember() {
        DealStory handedIn = new DealStory(ORG, "handed-in");
        List.of(handedIn.opened("Handed in", SALES, "lead", T0.plusSeconds(10)),
                handTo(handedIn, COLLEAGUE, T0.plusSeconds(11))).forEach(projection::handle);
        EventStreamClient first = open(MEMBER, "MEMBER", null);
        await().atMost(PUSH_DEADLINE).until(() -> first.lastEventId() != null);
        String lastEventId = first.lastEventId();
        first.close();

        List.of(theirs.moved("proposal", T0.plusSeconds(100)), handTo(mine, COLLEAGUE, T0.plusSeconds(101)),
                handTo(handedIn, MEMBER, T0.plusSeconds(102))).forEach(projection::handle);
        EventStreamClient resumed = open(MEMBER, "MEMBER", lastEventId);

        await().atMost(PUSH_DEADLINE).until(() -> resumed.events().size() == 2);
        assertThat(resumed.events()).extracting(this::summary)
                .containsExactly("removed mine OWNER_CHANGED", "card handed-in");

        // And live after the replay, still filtered.
        List.of(theirs.moved("lead", T0.plusSeconds(200)), handedIn.moved("proposal", T0.plusSeconds(201)))
                .forEach(projection::handle);
        await().atMost(PUSH_DEADLINE).until(() -> resumed.events().size() == 3);
        assertThat(summary(resumed.events().get(2))).isEqualTo("card handed-in");
    }

    @Test
    void cardsTurningOverdueByTheClockAreSentOnlyToTheirOwner() {
        EventStreamClient member = open(MEMBER, "MEMBER", null);
        EventStreamClient manager = open("manager-1", "MANAGER", null);

        clock.set(Instant.parse("2026-11-27T11:00:00Z"));

        await().atMost(PUSH_DEADLINE).until(() -> manager.events("card").size() == 2);
        // Both turns were sent by then, to every stream of the board; a later change of the member's own card
        // is queued behind them.
        projection.handle(mine.moved("proposal", T0.plusSeconds(100)));
        await().atMost(PUSH_DEADLINE).until(() -> member.events("card").size() == 2);
        assertThat(member.events()).extracting(this::summary).containsExactly("card mine", "card mine");
        assertThat(field(member.events().get(0), "indicator")).isEqualTo("OVERDUE");
    }

    @Test
    void anotherOrganisationsPipelineIsNotFoundForARestrictedMemberToo() {
        URI stream = URI.create(base() + "/api/v1/stream?pipelineId=" + SALES);
        try (EventStreamClient foreign = EventStreamClient.open(stream, Map.of(IdentityHeaders.ORGANIZATION, "org-2", IdentityHeaders.USER, MEMBER,
                        IdentityHeaders.ROLE, "MEMBER", IdentityHeaders.VISIBILITY, "OWNER_AND_MANAGERS"))) {
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private static ConsumedEvent handTo(DealStory deal, String ownerId, Instant at) {
        DealFields fields = deal.fields();
        return deal.updated(new DealFields(fields.title(), fields.value(), ownerId, fields.personName(),
                fields.organizationName(), fields.expectedCloseDate()), at);
    }

    private EventStreamClient open(String userId, String role, String lastEventId) {
        Map<String, String> headers = new HashMap<>(Map.of(IdentityHeaders.ORGANIZATION, ORG,
                IdentityHeaders.USER, userId, IdentityHeaders.ROLE, role,
                IdentityHeaders.VISIBILITY, "OWNER_AND_MANAGERS"));
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        EventStreamClient client = EventStreamClient.open(URI.create(base() + "/api/v1/stream?pipelineId=" + SALES),
                headers);
        clients.add(client);
        assertThat(client.status()).isEqualTo(200);
        return client;
    }

    /** "card mine", or "removed mine OWNER_CHANGED". */
    private String summary(EventStreamClient.Event event) {
        JsonNode data = tree(event.data());
        return event.event() + " " + data.get("id").asText()
                + (event.event().equals("removed") ? " " + data.get("reason").asText() : "");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String field(EventStreamClient.Event event, String name) {
        return tree(event.data()).get(name).asText();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
