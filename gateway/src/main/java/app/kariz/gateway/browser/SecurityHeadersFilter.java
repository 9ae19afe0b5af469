package app.kariz.gateway.browser;

import app.kariz.gateway.routing.ApiRoutes;
import app.kariz.gateway.server.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Headers that keep browsers from misusing any response, set on commit so they hold whoever answers (a service,
 * a filter, an error handler):
 * <ul>
 *   <li>always {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
 *       {@code Referrer-Policy: no-referrer};
 *   <li>{@code Cache-Control: no-store} on every API response (they are per user), and on any other response that
 *       does not say how to cache it;
 *   <li>{@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'} on JSON and empty responses,
 *       which must never run or embed anything; a page of another type brings its own policy;
 *   <li>{@code Strict-Transport-Security} only for a request that came over HTTPS: to this server, or to the proxy
 *       in front of it, which says so with {@code X-Forwarded-Proto: https}.
 * </ul>
 */
@Component
public class SecurityHeadersFilter implements WebFilter, Ordered {

    /** First of all the gateway's filters, so that no answer escapes it. */
    public static final Map<String, String> ALWAYS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");
    public static final String NO_STORE = "no-store";
    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    public static final String JSON_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    public static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
    /** One year; subdomains are left to whoever runs the domain. */
    public static final String HSTS_POLICY = "max-age=31536000";

    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean api = ApiRoutes.isApiRequest(request);
        boolean https = cameOverHttps(request);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        exchange.getResponse().beforeCommit(() -> {
            apply(headers, api, https);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static void apply(HttpHeaders headers, boolean api, boolean https) {
        ALWAYS.forEach(headers::set);
        if (api || !headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
        if (isJsonOrEmpty(headers.getContentType())) {
            headers.set(CONTENT_SECURITY_POLICY, JSON_CONTENT_SECURITY_POLICY);
        }
        if (https) {
            headers.set(STRICT_TRANSPORT_SECURITY, HSTS_POLICY);
        }
    }

    /** The first proxy's word counts: {@code X-Forwarded-Proto: https, http} means the client used HTTPS. */
    public static boolean cameOverHttps(ServerHttpRequest request) {
        String forwarded = request.getHeaders().getFirst(FORWARDED_PROTO);
        if (forwarded != null) {
            return forwarded.split(",", 2)[0].strip().equalsIgnoreCase("https");
        }
        return request.getSslInfo() != null;
    }

    private static boolean isJsonOrEmpty(MediaType contentType) {
        return contentType == null || contentType.getSubtype().equals("json")
                || "json".equals(contentType.getSubtypeSuffix());
    }

    @Override
    public int getOrder() {
        return FilterOrder.SECURITY_HEADERS;
    }
}
