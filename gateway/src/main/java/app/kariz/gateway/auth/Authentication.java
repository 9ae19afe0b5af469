package app.kariz.gateway.auth;

import org.springframework.web.server.ServerWebExchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The outcome of a successful authentication, kept on the exchange for later filters.
 *
 * @param identity the caller
 * @param tokenKey stands for the token the caller presented (a SHA-256 digest, so the token itself is not kept);
 *                 what the gateway remembers per client is keyed by it
 */
public record Authentication(Identity identity, String tokenKey) {

    private static final String ATTRIBUTE = Authentication.class.getName();

    public static Authentication of(Identity identity, String bearerToken) {
        return new Authentication(identity, digest(bearerToken));
    }

    public void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }

    public static Optional<Authentication> from(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static String digest(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(token));
    }
}
