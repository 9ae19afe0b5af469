package app.kariz.gateway.oidc;

import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import org.junit.jupiter.api.Test;

/**
 * docker-compose: the browser knows the IdP as {@code localhost:8180}, which is what the tokens name as issuer, while
 * the gateway reaches it as {@code keycloak:8080}. With {@code kariz.oidc.jwk-set-uri} the keys come from there and
 * the issuer is only compared.
 */
class OidcJwkSetUriTest {

    @Test
    void theIssuerTheTokensNameNeedNotBeReachable() {
        String browserIssuer = "http://localhost:1/realms/kariz"; // nothing listens here
        try (TestIdentityProvider idp = new TestIdentityProvider();
             StubService deals = new StubService("deal-service");
             RunningGateway gateway = RunningGateway.start(
                     "--kariz.gateway.deal-service-uri=" + deals.uri(),
                     "--kariz.demo.token=demo-token-for-tests-0123456789",
                     "--kariz.identity.admin-token=" + OidcAuthenticationTest.ADMIN_TOKEN,
                     "--kariz.oidc.issuer-uri=" + browserIssuer,
                     "--kariz.oidc.jwk-set-uri=" + idp.jwkSetUri())) {
            String organizationId = OidcAuthenticationTest.createOrganization(gateway.client());
            String userId = OidcAuthenticationTest.createUser(gateway.client(), organizationId, "a@b.ir", "MEMBER");

            gateway.client().get().uri("/api/v1/me")
                    .headers(h -> h.setBearerAuth(idp.sign(organizationId,
                            claims -> claims.subject(userId).issuer(browserIssuer))))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.user.id").isEqualTo(userId);
            // Signed by the right key, but naming another issuer.
            gateway.client().get().uri("/api/v1/me")
                    .headers(h -> h.setBearerAuth(idp.sign(organizationId, claims -> claims.subject(userId))))
                    .exchange().expectStatus().isUnauthorized();
        }
    }
}
