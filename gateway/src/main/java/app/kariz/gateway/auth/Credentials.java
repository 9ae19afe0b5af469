package app.kariz.gateway.auth;

import app.kariz.gateway.identity.Identity;
import reactor.core.publisher.Mono;

/**
 * Resolves a bearer token (an API token or, with OIDC configured, a JWT) to the identity it belongs to.
 */
public interface Credentials {

    /**
     * The identity the token belongs to, or empty for a token nobody holds (unknown, revoked, expired, or whose
     * user or organisation is gone). Never blocks the calling thread.
     */
    Mono<Identity> identify(String bearerToken);
}
