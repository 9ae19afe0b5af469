package app.kariz.gateway.ratelimit;

import app.kariz.gateway.auth.Authentication;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemWriter;
import app.kariz.gateway.routing.ApiRoutes;
import app.kariz.gateway.server.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Every authenticated {@code /api/v1} request takes one request from its token's bucket ({@link TokenBuckets}) and
 * its answer carries the {@link RateLimitStatus} headers, whoever writes it; when the bucket is empty the answer is a
 * 429 problem with {@code Retry-After}, and nothing is forwarded. Unauthenticated requests never get here: they
 * are answered 401 first and count against nobody.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    /** Right after authentication, before anything else is done for the request. */
    private final TokenBuckets buckets;
    private final ProblemWriter problems;

    public RateLimitFilter(TokenBuckets buckets, ProblemWriter problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<Authentication> authentication = Authentication.from(exchange);
        if (!ApiRoutes.isApiRequest(exchange.getRequest()) || authentication.isEmpty()) {
            return chain.filter(exchange);
        }
        RateLimitStatus status = buckets.take(authentication.get().tokenKey());
        // On commit, so that neither the service's headers nor an error handler's reset can remove them.
        exchange.getResponse().beforeCommit(() -> {
            status.writeTo(exchange.getResponse().getHeaders());
            return Mono.empty();
        });
        if (status.allowed()) {
            return chain.filter(exchange);
        }
        long retryAfter = status.retryAfterSeconds();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return problems.write(exchange, Problem.tooManyRequests("Too many requests with this token (at most "
                + status.limit() + " at once). Try again in " + retryAfter + " s."));
    }

    @Override
    public int getOrder() {
        return FilterOrder.RATE_LIMIT;
    }
}
