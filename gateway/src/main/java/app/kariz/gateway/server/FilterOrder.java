package app.kariz.gateway.server;

import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;

/**
 * The order of the gateway's own filters, in one place and in the order a request passes them (lowest first): each
 * filter takes its place from here rather than from a neighbour's constant, so no filter depends on another.
 */
public final class FilterOrder {

    /** Security headers go on every response, the gateway's own problems included. */
    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE;
    /** The client's {@code Kariz-Await} is replaced before any routing filter reads the headers. */
    public static final int READ_YOUR_WRITES = Ordered.HIGHEST_PRECEDENCE + 1000;
    /** A browser's preflight is answered before authentication, which it carries no token for. */
    public static final int CORS = -110;
    public static final int BEARER_AUTHENTICATION = -100;
    /** Limits per token, so after authentication; before anything costly. */
    public static final int RATE_LIMIT = -95;
    /** An unknown path or method is a 404 or 405 before route authorization asks who may call it. */
    public static final int UNKNOWN_OPERATION = -90;
    public static final int ROUTE_AUTHORIZATION = -88;
    /** Bodies are read only for a request that is allowed at all. */
    public static final int BODY_SIZE_LIMIT = -85;
    /** Signed last, on the path as the service will read it, once the route has set the request URL. */
    public static final int SIGNED_IDENTITY = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

    private FilterOrder() {
    }
}
