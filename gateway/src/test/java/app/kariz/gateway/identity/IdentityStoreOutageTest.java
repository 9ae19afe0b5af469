package app.kariz.gateway.identity;

import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the gateway does without its identity store, or without the key to sign identities with. */
class IdentityStoreOutageTest {

    @Test
    void withoutTheIdentityStoreARequestIsAServiceUnavailableProblemAndIsNotForwarded() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        try (StubService deals = new StubService("deal-service");
             RunningGateway gateway = RunningGateway.start(
                     "--kariz.gateway.deal-service-uri=" + deals.uri(),
                     "--kariz.demo.token=demo-token-for-tests-0123456789",
                     "--kariz.mongo.uri=" + mongo.getConnectionString() + "/?serverSelectionTimeoutMS=500")) {
            gateway.client().get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth("demo-token-for-tests-0123456789"))
                    .exchange().expectStatus().isOk();
            deals.takeRequest();

            mongo.shutdownNow();

            gateway.client().get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth("demo-token-for-tests-0123456789"))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:kariz:problem:service-unavailable");
            assertThat(deals.receivedNothing()).isTrue();
        }
    }

    @Test
    void theGatewayDoesNotStartWithoutTheSigningSecret() {
        assertThatThrownBy(() -> RunningGateway.start("--kariz.identity.secret=").close())
                .hasStackTraceContaining("KARIZ_INTERNAL_SECRET");
    }
}
