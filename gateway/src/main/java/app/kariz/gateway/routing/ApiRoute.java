package app.kariz.gateway.routing;

import app.kariz.gateway.Service;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** One public operation: a method and path pattern, who may call it, and the service that answers it. */
public record ApiRoute(Service service, Access access, HttpMethod method, PathPattern path) {

    public static ApiRoute of(Service service, Access access, HttpMethod method, String path) {
        return new ApiRoute(service, access, method, PathPatternParser.defaultInstance.parse(path));
    }

    public boolean matches(ServerHttpRequest request) {
        return method.equals(request.getMethod()) && matchesPath(request);
    }

    public boolean matchesPath(ServerHttpRequest request) {
        return path.matches(pathOf(request));
    }

    /** A stable, readable route id, e.g. {@code deal-service: POST /api/v1/deals/{id}/won}. */
    public String id() {
        return service.serviceName() + ": " + method.name() + " " + path.getPatternString();
    }

    private static PathContainer pathOf(ServerHttpRequest request) {
        return request.getPath().pathWithinApplication();
    }
}
