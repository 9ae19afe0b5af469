package app.kariz.gateway.routing;

import app.kariz.gateway.apidocs.PublicPaths;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemWriter;
import app.kariz.gateway.server.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers an {@code /api/v1} request that no route takes: 405 with {@code Allow} when the path is known but not
 * the method, else 404. Runs after authentication, so a caller without a token learns nothing about paths.
 */
@Component
class UnknownOperationFilter implements WebFilter, Ordered {

    private final ProblemWriter problems;

    public UnknownOperationFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!ApiRoutes.isApiRequest(request) || ApiRoutes.routeFor(request).isPresent()
                || PublicPaths.isPublic(request)) {
            return chain.filter(exchange);
        }
        String path = request.getPath().value();
        Set<HttpMethod> allowed = ApiRoutes.methodsAllowedOn(request);
        if (allowed.isEmpty()) {
            return problems.write(exchange, Problem.notFound("There is no " + path + " in the API."));
        }
        exchange.getResponse().getHeaders().setAllow(allowed);
        String allowedNames = allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        return problems.write(exchange, Problem.methodNotAllowed(
                request.getMethod().name() + " is not allowed on " + path + "; allowed: " + allowedNames + "."));
    }

    @Override
    public int getOrder() {
        return FilterOrder.UNKNOWN_OPERATION;
    }
}
