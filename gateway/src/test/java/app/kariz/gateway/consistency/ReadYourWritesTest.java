package app.kariz.gateway.consistency;

import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import app.kariz.events.Position;
import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import app.kariz.gateway.auth.Credentials;
import app.kariz.gateway.identity.Identities;
import app.kariz.gateway.identity.Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that writes and then reads through the gateway sees its write; other clients do not wait for it. */
class ReadYourWritesTest {

    private static final String DEMO_TOKEN = "demo-token-for-tests-0123456789";
    private static final String OTHER_TOKEN = "another-users-token-9876543210";

    private static StubService deals;
    private static StubService activities;
    private static StubService views;
    private static RunningGateway gateway;
    private static WebTestClient client;

    /** A second user beside the demo user, as a multi-user credential store would provide. */
    static class TwoUsers {
        @Bean
        @Primary
        Credentials twoUsers(Identities identities) {
            Identity other = new Identity("demo", "other-user", Role.MEMBER, Visibility.EVERYONE,
                    ZoneId.of("Europe/Berlin"));
            return token -> token.equals(OTHER_TOKEN) ? Mono.just(other) : identities.identifyApiToken(token);
        }
    }

    @BeforeAll
    static void start() {
        deals = new StubService("deal-service");
        activities = new StubService("activity-service");
        views = new StubService("pipeline-view-service");
        gateway = RunningGateway.start(List.of(TwoUsers.class),
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                "--kariz.gateway.activity-service-uri=" + activities.uri(),
                "--kariz.gateway.view-service-uri=" + views.uri(),
                "--kariz.demo.token=" + DEMO_TOKEN);
        client = gateway.client();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        deals.close();
        activities.close();
        views.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        deals.reset();
        activities.reset();
        views.reset();
    }

    @Test
    void aWritesPositionIsAwaitedByTheNextRequestWithTheSameToken() {
        deals.replyNext(201, Map.of("Content-Type", "application/json", "Kariz-Position", "deal:d-1:0"),
                "{\"id\":\"d-1\"}");
        post(DEMO_TOKEN, "/api/v1/deals").expectHeader().valueEquals("Kariz-Position", "deal:d-1:0");
        assertThat(awaited(deals.takeRequest())).doesNotContain("deal:d-1:0");

        get(DEMO_TOKEN, "/api/v1/deals/d-1");

        assertThat(awaited(views.takeRequest())).contains("deal:d-1:0");
    }

    @Test
    void anotherTokenDoesNotAwaitSomeoneElsesWrites() {
        deals.replyNext(200, Map.of("Kariz-Position", "deal:d-2:3"), "{}");
        post(DEMO_TOKEN, "/api/v1/deals/d-2/won");
        deals.takeRequest();

        get(OTHER_TOKEN, "/api/v1/deals/d-2");

        StubService.Received read = views.takeRequest();
        assertThat(read.header("Kariz-User-Id")).hasValue("other-user");
        assertThat(awaited(read)).noneMatch(position -> position.startsWith("deal:d-2:"));
        get(DEMO_TOKEN, "/api/v1/deals/d-2");
        assertThat(awaited(views.takeRequest())).contains("deal:d-2:3");
    }

    @Test
    void eachServiceIsSentOnlyThePositionsItsReadsCanWaitFor() {
        activities.replyNext(200, Map.of("Kariz-Position", "activity:a-3:1, deal:d-3:4"), "{}");
        post(OTHER_TOKEN, "/api/v1/activities/a-3/complete");
        activities.takeRequest();

        post(OTHER_TOKEN, "/api/v1/deals/d-3/move");
        post(OTHER_TOKEN, "/api/v1/activities");
        get(OTHER_TOKEN, "/api/v1/deals/d-3");

        assertThat(deals.takeRequest().header("Kariz-Await")).isEmpty();
        assertThat(awaited(activities.takeRequest())).contains("deal:d-3:4").doesNotContain("activity:a-3:1");
        assertThat(awaited(views.takeRequest())).contains("activity:a-3:1", "deal:d-3:4");
    }

    @Test
    void onlyTheHighestSequencePerAggregateIsAwaited() {
        deals.replyNext(200, Map.of("Kariz-Position", "deal:d-4:5"), "{}");
        deals.replyNext(200, Map.of("Kariz-Position", "deal:d-4:2"), "{}");
        post(DEMO_TOKEN, "/api/v1/deals/d-4/move");
        post(DEMO_TOKEN, "/api/v1/deals/d-4/move");
        deals.takeRequest();
        deals.takeRequest();

        get(DEMO_TOKEN, "/api/v1/deals/d-4/timeline");

        assertThat(awaited(views.takeRequest())).contains("deal:d-4:5").doesNotContain("deal:d-4:2");
    }

    @Test
    void positionsTheClientSendsAreMergedWithTheRememberedOnesAndMalformedOnesDropped() {
        deals.replyNext(200, Map.of("Kariz-Position", "deal:d-5:1"), "{}");
        post(DEMO_TOKEN, "/api/v1/deals/d-5/lost");
        deals.takeRequest();

        client.get().uri("/api/v1/pipelines/p-1/board").headers(h -> h.setBearerAuth(DEMO_TOKEN))
                .header("Kariz-Await", "deal:d-5:0, activity:a-5:7, nonsense, deal:x:y:1, deal:d-6:-1, deal::2")
                .exchange().expectStatus().isOk();

        List<String> awaited = awaited(views.takeRequest());
        assertThat(awaited).contains("deal:d-5:1", "activity:a-5:7")
                .doesNotContain("deal:d-5:0")
                .allMatch(position -> position.matches("[a-z]+:[^:,]+:\\d+"));
    }

    @Test
    void aClientsOwnPositionsAreForwardedEvenWithoutWritesThroughThisGateway() {
        client.get().uri("/api/v1/deals/d-7").headers(h -> h.setBearerAuth(OTHER_TOKEN))
                .header("Kariz-Await", "deal:d-7:2")
                .exchange().expectStatus().isOk();

        assertThat(awaited(views.takeRequest())).contains("deal:d-7:2");
    }

    private WebTestClient.ResponseSpec post(String token, String path) {
        return client.post().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().is2xxSuccessful();
    }

    private void get(String token, String path) {
        client.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
    }

    private static List<String> awaited(StubService.Received request) {
        return request.header("Kariz-Await").stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::strip)
                .toList();
    }
}
