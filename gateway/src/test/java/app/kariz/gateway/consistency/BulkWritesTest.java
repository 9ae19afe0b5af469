package app.kariz.gateway.consistency;

import app.kariz.events.Position;
import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk import through one token: hundreds of writes within the consistency window. Every later request still
 * fits the services' header limit, and still waits for the newest writes.
 */
class BulkWritesTest {

    private static final String TOKEN = "demo-token-for-bulk-writes-0123456789";
    private static final int WRITES = 500;

    private static StubService deals;
    private static StubService activities;
    private static StubService views;
    private static RunningGateway gateway;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        deals = new StubService("deal-service");
        activities = new StubService("activity-service");
        views = new StubService("pipeline-view-service");
        gateway = RunningGateway.start(
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                "--kariz.gateway.activity-service-uri=" + activities.uri(),
                "--kariz.gateway.view-service-uri=" + views.uri(),
                "--kariz.gateway.rate-limit.per-second=100000",
                "--kariz.gateway.rate-limit.burst=100000",
                "--kariz.demo.token=" + TOKEN);
        client = gateway.client();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        deals.close();
        activities.close();
        views.close();
    }

    @Test
    void everyRequestAfterManyWritesCarriesTheNewestPositionsWithinTheBound() {
        List<Position> written = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            Position deal = new Position("deal", UUID.randomUUID().toString(), i % 7);
            Position activity = new Position("activity", UUID.randomUUID().toString(), 0);
            // In the order the response names them: within one response, the later counts as the newer.
            written.add(activity);
            written.add(deal);
            activities.replyNext(201, Map.of("Content-Type", "application/json",
                    "Kariz-Position", activity + "," + deal), "{}");
            client.post().uri("/api/v1/activities").headers(h -> h.setBearerAuth(TOKEN))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isCreated();
            assertWithinBound(activities.takeRequest());
            if (i % 10 != 0 && i != WRITES - 1) {
                continue;
            }

            client.get().uri("/api/v1/deals/" + deal.aggregateId()).headers(h -> h.setBearerAuth(TOKEN))
                    .exchange().expectStatus().isOk();
            List<Position> awaited = assertWithinBound(views.takeRequest());
            // Newest first: the write just made, and the ones right before it.
            List<Position> newest = newestFirst(written, 80);
            assertThat(awaited).startsWith(newest.get(0), newest.get(1));
            assertThat(awaited).containsAll(newest);
        }

        client.post().uri("/api/v1/deals").headers(h -> h.setBearerAuth(TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().is2xxSuccessful();
        assertThat(deals.takeRequest().header(Position.AWAIT_HEADER)).isEmpty();

        client.post().uri("/api/v1/activities").headers(h -> h.setBearerAuth(TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().is2xxSuccessful();
        List<Position> awaitedByActivities = assertWithinBound(activities.takeRequest());
        assertThat(awaitedByActivities).allMatch(position -> position.aggregateType().equals("deal"))
                .startsWith(written.get(written.size() - 1))
                .hasSizeGreaterThanOrEqualTo(80);
    }

    private static List<Position> assertWithinBound(StubService.Received request) {
        List<String> values = request.headerValues(Position.AWAIT_HEADER);
        assertThat(values).hasSizeLessThanOrEqualTo(1);
        String value = String.join(",", values);
        assertThat(value.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AwaitHeader.MAX_BYTES);
        return Position.parseAll(value);
    }

    /** The last {@code count} positions written (or all of them), the newest first. */
    private static List<Position> newestFirst(List<Position> written, int count) {
        List<Position> newest = new ArrayList<>();
        for (int i = written.size() - 1; i >= 0 && newest.size() < count; i--) {
            newest.add(written.get(i));
        }
        return newest;
    }
}
