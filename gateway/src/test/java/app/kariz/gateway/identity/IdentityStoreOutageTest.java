package app.kariz.gateway.identity;

import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import app.kariz.mongo.embedded.EmbeddedMongoServer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the gateway does without its identity store, or without the key to sign identities with. */
class IdentityStoreOutageTest {

    @Test
    void withoutTheIdentityStoreARequestIsAServiceUnavailableProblemAndIsNotForwarded() {
        EmbeddedMongoServer mongo = EmbeddedMongoServer.inMemory();
        try (StubService deals = new StubService("deal-service");
             RunningGateway gateway = RunningGateway.start(
                     "--kariz.gateway.deal-service-uri=" + deals.uri(),
                     "--kariz.demo.token=demo-token-for-tests-0123456789",
                     "--kariz.mongo.uri=" + mongo.connectionString() + "/?serverSelectionTimeoutMS=500")) {
            gateway.client().get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth("demo-token-for-tests-0123456789"))
                    .exchange().expectStatus().isOk();
            deals.takeRequest();

            mongo.close();

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
