package app.kariz.gateway.auth;

import app.kariz.gateway.identity.Identities;
import app.kariz.gateway.identity.Identity;
import app.kariz.gateway.oidc.OidcCredentials;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/**
 * Tells the two kinds of bearer token apart by shape: a JWT is three dot-separated Base64url parts, an API token
 * is one Base64url string without dots. JWTs count only when OIDC is configured.
 */
class BearerCredentials implements Credentials {

    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final Identities identities;
    private final OidcCredentials oidc;

    /** @param oidc null when OIDC is not configured */
    public BearerCredentials(Identities identities, OidcCredentials oidc) {
        this.identities = identities;
        this.oidc = oidc;
    }

    @Override
    public Mono<Identity> identify(String bearerToken) {
        if (JWT_SHAPE.matcher(bearerToken).matches()) {
            return oidc == null ? Mono.empty() : oidc.identify(bearerToken);
        }
        return identities.identifyApiToken(bearerToken);
    }
}
