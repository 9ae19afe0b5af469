package app.kariz.gateway.oidc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kariz.oidc.*}: accepting JWTs from an OpenID Connect provider besides API tokens.
 *
 * @param issuerUri          the issuer ({@code KARIZ_OIDC_ISSUER_URI}), e.g.
 *                           {@code http://keycloak:8080/realms/kariz}; blank: no JWTs are accepted
 * @param jwkSetUri          where the issuer's keys are ({@code KARIZ_OIDC_JWK_SET_URI}); blank: found through the
 *                           issuer's discovery document. Needed when the gateway reaches the IdP under another
 *                           address than the one in the tokens (docker-compose: {@code keycloak:8080} inside,
 *                           {@code localhost:8180} in the browser)
 * @param organizationClaim  the claim naming the caller's organisation id
 */
@ConfigurationProperties("kariz.oidc")
public record OidcProperties(String issuerUri, String jwkSetUri,
                             @DefaultValue("kariz_org") String organizationClaim) {

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
