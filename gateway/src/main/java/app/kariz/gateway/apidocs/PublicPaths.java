package app.kariz.gateway.apidocs;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The requests under {@code /api/v1} that need no bearer token: reading the API's own description, which says
 * nothing a client could not learn from the public README. Only these exact reads are exempt; any other method on
 * the same path, or any other path, is authenticated as usual.
 * <p>
 * The authentication filter consults {@link #isPublic} (and so does the filter that answers unknown operations,
 * since the description is served by the gateway itself rather than routed): keeping the list here, in one place,
 * means a change of authentication cannot silently widen or drop the exemption.
 */
public final class PublicPaths {

    /** Where the OpenAPI description of API v1 is served. */
    public static final String OPENAPI_PATH = "/api/v1/openapi.json";

    private PublicPaths() {
    }

    public static boolean isPublic(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && OPENAPI_PATH.equals(request.getPath().pathWithinApplication().value());
    }
}
