package app.kariz.gateway.auth;

import app.kariz.gateway.identity.ApiTokens;
import app.kariz.gateway.identity.Identity;
import org.springframework.web.server.ServerWebExchange;

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
        return new Authentication(identity, ApiTokens.hash(bearerToken));
    }

    public void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }

    public static Optional<Authentication> from(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
