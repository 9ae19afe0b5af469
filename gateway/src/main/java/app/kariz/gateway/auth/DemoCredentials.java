package app.kariz.gateway.auth;

import java.security.MessageDigest;
import java.util.Optional;

/** Local mode: one demo user, one token. */
public class DemoCredentials implements Credentials {

    private final byte[] tokenDigest;
    private final Identity identity;

    public DemoCredentials(String token, Identity identity) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The demo token must not be blank");
        }
        this.tokenDigest = Authentication.sha256(token);
        this.identity = identity;
    }

    /** Compares digests, so the time taken depends neither on the token's content nor on its length. */
    @Override
    public Optional<Identity> identify(String bearerToken) {
        boolean matches = MessageDigest.isEqual(tokenDigest, Authentication.sha256(bearerToken));
        return matches ? Optional.of(identity) : Optional.empty();
    }
}
