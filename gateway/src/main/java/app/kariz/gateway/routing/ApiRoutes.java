package app.kariz.gateway.routing;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static app.kariz.gateway.Service.ACTIVITY;
import static app.kariz.gateway.Service.DEAL;
import static app.kariz.gateway.Service.GATEWAY;
import static app.kariz.gateway.Service.PIPELINE_VIEW;
import static app.kariz.gateway.routing.Access.ADMIN;
import static app.kariz.gateway.routing.Access.ANY;
import static app.kariz.gateway.routing.Access.PLATFORM_ADMIN;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The public API v1 (see api-v1.md and docs/identity-and-tenancy.md) as a table: who may call which operation and
 * which service (or the gateway itself) answers it. The gateway's routes, its 404/405/403 answers and the OpenAPI
 * test are all derived from this one table, so they cannot disagree.
 */
public final class ApiRoutes {

    public static final String API_PREFIX = "/api/v1/";
    /** The platform administrator's part of the API; the admin token is accepted here and nowhere else. */
    public static final String ADMIN_PREFIX = "/api/v1/admin/";

    private static final List<ApiRoute> V1 = List.of(
            ApiRoute.of(DEAL, ANY, GET, "/api/v1/pipelines"),
            ApiRoute.of(DEAL, ADMIN, POST, "/api/v1/pipelines"),
            ApiRoute.of(DEAL, ANY, GET, "/api/v1/pipelines/{id}"),
            ApiRoute.of(DEAL, ADMIN, PATCH, "/api/v1/pipelines/{id}"),
            ApiRoute.of(DEAL, ADMIN, DELETE, "/api/v1/pipelines/{id}"),
            ApiRoute.of(DEAL, ADMIN, POST, "/api/v1/pipelines/{id}/stages"),
            ApiRoute.of(DEAL, ADMIN, PATCH, "/api/v1/pipelines/{id}/stages/{stageId}"),
            ApiRoute.of(DEAL, ADMIN, DELETE, "/api/v1/pipelines/{id}/stages/{stageId}"),
            ApiRoute.of(DEAL, ADMIN, PUT, "/api/v1/pipelines/{id}/stage-order"),
            ApiRoute.of(DEAL, ANY, POST, "/api/v1/deals"),
            ApiRoute.of(DEAL, ANY, PATCH, "/api/v1/deals/{id}"),
            ApiRoute.of(DEAL, ANY, DELETE, "/api/v1/deals/{id}"),
            ApiRoute.of(DEAL, ANY, POST, "/api/v1/deals/{id}/move"),
            ApiRoute.of(DEAL, ANY, POST, "/api/v1/deals/{id}/won"),
            ApiRoute.of(DEAL, ANY, POST, "/api/v1/deals/{id}/lost"),
            ApiRoute.of(DEAL, ANY, POST, "/api/v1/deals/{id}/reopen"),

            ApiRoute.of(ACTIVITY, ANY, POST, "/api/v1/activities"),
            ApiRoute.of(ACTIVITY, ANY, POST, "/api/v1/activities/{id}/complete"),
            ApiRoute.of(ACTIVITY, ANY, POST, "/api/v1/activities/{id}/postpone"),
            ApiRoute.of(ACTIVITY, ANY, PATCH, "/api/v1/activities/{id}"),
            ApiRoute.of(ACTIVITY, ANY, DELETE, "/api/v1/activities/{id}"),
            ApiRoute.of(ACTIVITY, ANY, POST, "/api/v1/activities/{id}/reopen"),
            ApiRoute.of(ACTIVITY, ANY, GET, "/api/v1/activity-types"),
            ApiRoute.of(ACTIVITY, ADMIN, POST, "/api/v1/activity-types"),
            ApiRoute.of(ACTIVITY, ANY, GET, "/api/v1/activity-types/{key}"),
            ApiRoute.of(ACTIVITY, ADMIN, PATCH, "/api/v1/activity-types/{key}"),

            // Server-Sent Events, streamed through event by event: the gateway flushes text/event-stream as it
            // arrives, and its response timeout only bounds the wait for the response headers, not the stream.
            ApiRoute.of(PIPELINE_VIEW, ANY, GET, "/api/v1/stream"),
            ApiRoute.of(PIPELINE_VIEW, ANY, GET, "/api/v1/activities/{id}"),
            ApiRoute.of(PIPELINE_VIEW, ANY, GET, "/api/v1/deals"),
            ApiRoute.of(PIPELINE_VIEW, ANY, GET, "/api/v1/agenda"),
            ApiRoute.of(PIPELINE_VIEW, ANY, GET, "/api/v1/pipelines/{id}/stages/{stageId}/deals"),
            ApiRoute.of(PIPELINE_VIEW, ANY, GET, "/api/v1/deals/{id}"),
            ApiRoute.of(PIPELINE_VIEW, ANY, GET, "/api/v1/deals/{id}/timeline"),
            ApiRoute.of(PIPELINE_VIEW, ANY, GET, "/api/v1/pipelines/{id}/board"),
            ApiRoute.of(PIPELINE_VIEW, PLATFORM_ADMIN, POST, "/api/v1/admin/view-rebuilds"),
            ApiRoute.of(PIPELINE_VIEW, PLATFORM_ADMIN, GET, "/api/v1/admin/view-rebuilds/{id}"),

            // Answered by the gateway itself (app.kariz.gateway.identity.web).
            ApiRoute.of(GATEWAY, PLATFORM_ADMIN, POST, "/api/v1/admin/organizations"),
            ApiRoute.of(GATEWAY, PLATFORM_ADMIN, GET, "/api/v1/admin/organizations"),
            ApiRoute.of(GATEWAY, PLATFORM_ADMIN, POST, "/api/v1/admin/organizations/{orgId}/users"),
            ApiRoute.of(GATEWAY, ANY, GET, "/api/v1/me"),
            ApiRoute.of(GATEWAY, ANY, GET, "/api/v1/organization"),
            ApiRoute.of(GATEWAY, ADMIN, PATCH, "/api/v1/organization"),
            ApiRoute.of(GATEWAY, ANY, GET, "/api/v1/users"),
            ApiRoute.of(GATEWAY, ADMIN, POST, "/api/v1/users"),
            ApiRoute.of(GATEWAY, ANY, GET, "/api/v1/users/{id}"),
            ApiRoute.of(GATEWAY, ADMIN, PATCH, "/api/v1/users/{id}"),
            ApiRoute.of(GATEWAY, ADMIN, POST, "/api/v1/users/{id}/tokens"),
            // An administrator, or the user themself: the controller decides the second case.
            ApiRoute.of(GATEWAY, ANY, DELETE, "/api/v1/users/{id}/tokens"));

    private ApiRoutes() {
    }

    public static List<ApiRoute> v1() {
        return V1;
    }

    public static boolean isApiRequest(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return path.equals("/api/v1") || path.startsWith(API_PREFIX);
    }

    public static boolean isAdminRequest(ServerHttpRequest request) {
        return request.getPath().pathWithinApplication().value().startsWith(ADMIN_PREFIX);
    }

    public static Optional<ApiRoute> routeFor(ServerHttpRequest request) {
        return V1.stream().filter(route -> route.matches(request)).findFirst();
    }

    /** The methods the API offers on the request's path; empty for a path it does not know. */
    public static Set<HttpMethod> methodsAllowedOn(ServerHttpRequest request) {
        Set<HttpMethod> methods = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
        V1.stream().filter(route -> route.matchesPath(request)).map(ApiRoute::method).forEach(methods::add);
        return methods;
    }
}
