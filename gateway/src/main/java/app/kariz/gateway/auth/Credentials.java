package app.kariz.gateway.auth;

import java.util.Optional;

/**
 * Resolves a bearer token to the identity it belongs to. Local mode knows one demo user
 * ({@link DemoCredentials}); a store of organisations, users and their tokens can take its place.
 */
public interface Credentials {

    /** The identity the token belongs to, or empty for a token nobody holds. Must not leak timing. */
    Optional<Identity> identify(String bearerToken);
}
