package app.kariz.gateway.oidc;

import app.kariz.gateway.identity.Identities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/**
 * JWT validation for OIDC, when {@code kariz.oidc.issuer-uri} is set. The decoder finds the issuer's JWKS through
 * its discovery document (or at {@code kariz.oidc.jwk-set-uri}) on the first JWT, not at startup, so the gateway starts while the IdP is still starting;
 * a failed discovery is not remembered (the next JWT tries again), a successful one and the keys are, and the keys
 * are fetched again when a token names a key id not among them (the IdP rotated its keys).
 */
@Configuration(proxyBeanMethods = false)
class OidcConfiguration {

    @Bean
    OidcCredentials oidcCredentials(OidcProperties properties, Identities identities) {
        if (!properties.enabled()) {
            return null;
        }
        String issuer = properties.issuerUri().strip();
        String jwkSetUri = properties.jwkSetUri();
        NimbusReactiveJwtDecoder decoder = jwkSetUri == null || jwkSetUri.isBlank()
                ? NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri.strip()).build();
        // Signature and JWKS come with the decoder; these add expiry (with 60 s of clock skew) and the issuer.
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return new OidcCredentials(decoder, identities, properties.organizationClaim());
    }
}
