package app.kariz.gateway.auth;

import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemWriter;
import app.kariz.gateway.routing.Access;
import app.kariz.gateway.routing.ApiRoute;
import app.kariz.gateway.routing.ApiRoutes;
import app.kariz.gateway.server.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Lets a caller through to an operation only if the route table ({@link ApiRoutes}) allows their role: anyone
 * else gets a 403 {@code urn:kariz:problem:forbidden} and nothing is forwarded. Without a platform administrator
 * ({@code KARIZ_ADMIN_TOKEN} unset) the platform operations do not exist: 404 for everyone.
 */
@Component
class RouteAuthorizationFilter implements WebFilter, Ordered {

    /** After the 404/405 answers (so a route is known), before the body is read. */
    private final PlatformAdminToken platformAdmin;
    private final ProblemWriter problems;

    public RouteAuthorizationFilter(PlatformAdminToken platformAdmin, ProblemWriter problems) {
        this.platformAdmin = platformAdmin;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<ApiRoute> route = ApiRoutes.routeFor(exchange.getRequest());
        Optional<Authentication> authentication = Authentication.from(exchange);
        if (route.isEmpty() || authentication.isEmpty()) {
            return chain.filter(exchange);
        }
        Access access = route.get().access();
        if (access == Access.PLATFORM_ADMIN && !platformAdmin.enabled()) {
            return problems.write(exchange, Problem.notFound("There is no " + exchange.getRequest().getPath().value()
                    + " in the API."));
        }
        if (!access.allows(authentication.get().identity())) {
            return problems.write(exchange, Problem.forbidden(switch (access) {
                case ADMIN -> "Only an administrator of the organization may do this.";
                case PLATFORM_ADMIN -> "Only the platform administrator may do this.";
                case ANY -> "Only a user of an organization may do this.";
            }));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return FilterOrder.ROUTE_AUTHORIZATION;
    }
}
