package app.kariz.gateway.auth;

import app.kariz.gateway.apidocs.PublicPaths;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemWriter;
import app.kariz.gateway.routing.ApiRoutes;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Every {@code /api/v1} request needs {@code Authorization: Bearer <token>} of a known caller; anything else is a
 * 401 problem with {@code WWW-Authenticate: Bearer}. An authenticated request travels on with the caller's
 * identity in the {@code Kariz-*} headers, replacing whatever the client put there, and without the token, which
 * the services never need.
 */
@Component
public class BearerAuthenticationFilter implements WebFilter, Ordered {

    /** Before every other filter of the gateway's own: nothing else runs for a request that is rejected. */
    public static final int ORDER = -100;

    static final String REALM_CHALLENGE = "Bearer realm=\"kariz\"";
    static final String INVALID_TOKEN_CHALLENGE = REALM_CHALLENGE + ", error=\"invalid_token\"";

    private static final String BEARER = "Bearer ";

    private final Credentials credentials;
    private final ProblemWriter problems;

    public BearerAuthenticationFilter(Credentials credentials, ProblemWriter problems) {
        this.credentials = credentials;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!ApiRoutes.isApiRequest(exchange.getRequest()) || PublicPaths.isPublic(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Optional<String> token = bearerToken(exchange.getRequest());
        if (token.isEmpty()) {
            return reject(exchange, REALM_CHALLENGE,
                    "Send the header 'Authorization: Bearer <token>' with every request.");
        }
        Optional<Identity> identity = credentials.identify(token.get());
        if (identity.isEmpty()) {
            return reject(exchange, INVALID_TOKEN_CHALLENGE, "The bearer token is not known.");
        }
        Authentication authentication = Authentication.of(identity.get(), token.get());
        ServerWebExchange authenticated = exchange.mutate()
                .request(request -> request.headers(headers -> actAs(identity.get(), headers)))
                .build();
        authentication.attachTo(authenticated);
        return chain.filter(authenticated);
    }

    private static Optional<String> bearerToken(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static void actAs(Identity identity, HttpHeaders headers) {
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.set(Identity.ORGANIZATION_HEADER, identity.organizationId());
        headers.set(Identity.USER_HEADER, identity.userId());
        headers.set(Identity.TIME_ZONE_HEADER, identity.timeZone().getId());
    }

    private Mono<Void> reject(ServerWebExchange exchange, String challenge, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, Problem.unauthenticated(detail));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
