package app.kariz.gateway.auth;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.gateway.apidocs.PublicPaths;
import app.kariz.gateway.identity.Identity;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemWriter;
import app.kariz.gateway.routing.ApiRoutes;
import app.kariz.gateway.server.FilterOrder;
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
 * 401 problem with {@code WWW-Authenticate: Bearer}. The platform administrator's token counts on
 * {@code /api/v1/admin/**} only; anywhere else it is as unknown as any other string. An authenticated request
 * travels on without the token, which the services never need, and without any {@code Kariz-*} identity header the
 * client sent: the signing filter ({@code app.kariz.gateway.signing}) sets the real ones last.
 */
@Component
class BearerAuthenticationFilter implements WebFilter, Ordered {

    /** Before every other filter of the gateway's own: nothing else runs for a request that is rejected. */
    static final String REALM_CHALLENGE = "Bearer realm=\"kariz\"";
    static final String INVALID_TOKEN_CHALLENGE = REALM_CHALLENGE + ", error=\"invalid_token\"";

    private static final String BEARER = "Bearer ";

    private final Credentials credentials;
    private final PlatformAdminToken platformAdmin;
    private final ProblemWriter problems;

    public BearerAuthenticationFilter(Credentials credentials, PlatformAdminToken platformAdmin,
                                      ProblemWriter problems) {
        this.credentials = credentials;
        this.platformAdmin = platformAdmin;
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
        Mono<Identity> identity = ApiRoutes.isAdminRequest(exchange.getRequest())
                && platformAdmin.matches(token.get()) ? Mono.just(Identity.platformAdmin())
                : credentials.identify(token.get());
        return identity.map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(caller -> caller.isPresent()
                        ? chain.filter(authenticated(exchange, caller.get(), token.get()))
                        : reject(exchange, INVALID_TOKEN_CHALLENGE,
                        "The bearer token is not known, no longer valid or not accepted here."));
    }

    private static ServerWebExchange authenticated(ServerWebExchange exchange, Identity caller, String token) {
        ServerWebExchange authenticated = exchange.mutate()
                .request(request -> request.headers(BearerAuthenticationFilter::withoutCredentials))
                .build();
        Authentication.of(caller, token).attachTo(authenticated);
        return authenticated;
    }

    private static Optional<String> bearerToken(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** HttpHeaders compare names without regard to case, so {@code kariz-user-id} goes too. */
    private static void withoutCredentials(HttpHeaders headers) {
        headers.remove(HttpHeaders.AUTHORIZATION);
        IdentityHeaders.ALL.forEach(headers::remove);
    }

    private Mono<Void> reject(ServerWebExchange exchange, String challenge, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, Problem.unauthenticated(detail));
    }

    @Override
    public int getOrder() {
        return FilterOrder.BEARER_AUTHENTICATION;
    }
}
