package app.kariz.gateway.routing;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static app.kariz.gateway.routing.Service.ACTIVITY;
import static app.kariz.gateway.routing.Service.DEAL;
import static app.kariz.gateway.routing.Service.PIPELINE_VIEW;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The public API v1 (see api-v1.md) as a table: which service answers which operation. Both the gateway's routes
 * and its 404/405 answers are derived from this one table, so they cannot disagree.
 */
public final class ApiRoutes {

    public static final String API_PREFIX = "/api/v1/";

    private static final List<ApiRoute> V1 = List.of(
            ApiRoute.of(DEAL, GET, "/api/v1/pipelines"),
            ApiRoute.of(DEAL, POST, "/api/v1/pipelines"),
            ApiRoute.of(DEAL, GET, "/api/v1/pipelines/{id}"),
            ApiRoute.of(DEAL, PATCH, "/api/v1/pipelines/{id}"),
            ApiRoute.of(DEAL, DELETE, "/api/v1/pipelines/{id}"),
            ApiRoute.of(DEAL, POST, "/api/v1/pipelines/{id}/stages"),
            ApiRoute.of(DEAL, PATCH, "/api/v1/pipelines/{id}/stages/{stageId}"),
            ApiRoute.of(DEAL, DELETE, "/api/v1/pipelines/{id}/stages/{stageId}"),
            ApiRoute.of(DEAL, PUT, "/api/v1/pipelines/{id}/stage-order"),
            ApiRoute.of(DEAL, POST, "/api/v1/deals"),
            ApiRoute.of(DEAL, PATCH, "/api/v1/deals/{id}"),
            ApiRoute.of(DEAL, DELETE, "/api/v1/deals/{id}"),
            ApiRoute.of(DEAL, POST, "/api/v1/deals/{id}/move"),
            ApiRoute.of(DEAL, POST, "/api/v1/deals/{id}/won"),
            ApiRoute.of(DEAL, POST, "/api/v1/deals/{id}/lost"),
            ApiRoute.of(DEAL, POST, "/api/v1/deals/{id}/reopen"),

            ApiRoute.of(ACTIVITY, POST, "/api/v1/activities"),
            ApiRoute.of(ACTIVITY, POST, "/api/v1/activities/{id}/complete"),
            ApiRoute.of(ACTIVITY, POST, "/api/v1/activities/{id}/postpone"),
            ApiRoute.of(ACTIVITY, PATCH, "/api/v1/activities/{id}"),
            ApiRoute.of(ACTIVITY, DELETE, "/api/v1/activities/{id}"),
            ApiRoute.of(ACTIVITY, POST, "/api/v1/activities/{id}/reopen"),
            ApiRoute.of(ACTIVITY, GET, "/api/v1/activity-types"),
            ApiRoute.of(ACTIVITY, POST, "/api/v1/activity-types"),
            ApiRoute.of(ACTIVITY, GET, "/api/v1/activity-types/{key}"),
            ApiRoute.of(ACTIVITY, PATCH, "/api/v1/activity-types/{key}"),

            // Server-Sent Events, streamed through event by event: the gateway flushes text/event-stream as it
            // arrives, and its response timeout only bounds the wait for the response headers, not the stream.
            ApiRoute.of(PIPELINE_VIEW, GET, "/api/v1/stream"),
            ApiRoute.of(PIPELINE_VIEW, GET, "/api/v1/activities/{id}"),
            ApiRoute.of(PIPELINE_VIEW, GET, "/api/v1/deals"),
            ApiRoute.of(PIPELINE_VIEW, GET, "/api/v1/agenda"),
            ApiRoute.of(PIPELINE_VIEW, GET, "/api/v1/pipelines/{id}/stages/{stageId}/deals"),
            ApiRoute.of(PIPELINE_VIEW, GET, "/api/v1/deals/{id}"),
            ApiRoute.of(PIPELINE_VIEW, GET, "/api/v1/deals/{id}/timeline"),
            ApiRoute.of(PIPELINE_VIEW, GET, "/api/v1/pipelines/{id}/board"));

    private ApiRoutes() {
    }

    public static List<ApiRoute> v1() {
        return V1;
    }

    public static boolean isApiRequest(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return path.equals("/api/v1") || path.startsWith(API_PREFIX);
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
