package app.kariz.gateway.oidc;

import app.kariz.gateway.identity.Identities;
import app.kariz.gateway.identity.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Identifies the caller of a JWT from the configured OIDC issuer: a valid signature (the issuer's JWKS), not
 * expired, from that issuer; then the organisation in the {@code kariz_org} claim, which must exist, and in it the
 * user whose id is the {@code sub} claim or, failing that, whose email is the {@code email} claim, provided the IdP
 * does not say {@code email_verified: false}. A user that is not in the store is not let in: the gateway's
 * users are the list of who may act.
 * <p>
 * The role is always the stored user's. A {@code kariz_role} claim is ignored, so whoever administers the IdP
 * (or a misconfigured mapper) cannot make anyone an administrator of an organisation.
 */
public class OidcCredentials {

    private static final Logger log = LoggerFactory.getLogger(OidcCredentials.class);

    private final ReactiveJwtDecoder decoder;
    private final Identities identities;
    private final String organizationClaim;

    public OidcCredentials(ReactiveJwtDecoder decoder, Identities identities, String organizationClaim) {
        this.decoder = decoder;
        this.identities = identities;
        this.organizationClaim = organizationClaim;
    }

    public Mono<Identity> identify(String jwt) {
        return decoder.decode(jwt)
                .flatMap(this::identityOf)
                .onErrorResume(JwtException.class, rejected -> {
                    // Never the token: only why it was refused (expired, bad signature, issuer unreachable …).
                    log.info("JWT refused: {}", rejected.getMessage());
                    return Mono.empty();
                });
    }

    private Mono<Identity> identityOf(Jwt jwt) {
        String organizationId = jwt.getClaimAsString(organizationClaim);
        String subject = jwt.getSubject();
        if (organizationId == null || organizationId.isBlank() || subject == null || subject.isBlank()) {
            log.info("JWT refused: no {} or sub claim", organizationClaim);
            return Mono.empty();
        }
        Boolean emailVerified = jwt.getClaimAsBoolean("email_verified");
        String email = Boolean.FALSE.equals(emailVerified) ? null : jwt.getClaimAsString("email");
        return identities.identifyUser(organizationId, subject, email);
    }
}
