package app.kariz.gateway.browser;

import app.kariz.contract.request.RequestId;
import app.kariz.events.Position;
import app.kariz.gateway.GatewayProperties;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemWriter;
import app.kariz.gateway.ratelimit.RateLimitStatus;
import app.kariz.gateway.routing.ApiRoute;
import app.kariz.gateway.routing.ApiRoutes;
import app.kariz.gateway.server.FilterOrder;
import app.kariz.gateway.tracing.Traceparent;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * Lets browser pages from the origins in {@code kariz.gateway.cors.allowed-origins} call the API (none by default:
 * then no response carries CORS headers). The gateway answers a preflight itself, before and without
 * authentication: 204 with the allowed methods and headers, or a 403 problem without CORS headers for an origin,
 * method or header that is not allowed. An actual request from an allowed origin gets
 * {@code Access-Control-Allow-Origin} and the exposed headers on its answer, whoever writes it; one from another
 * origin is served as usual but without them, so the browser keeps the answer from the page. No credentials mode:
 * the API takes bearer tokens, never cookies.
 */
@Component
class CorsFilter implements WebFilter, Ordered {

    /** Before authentication: a preflight carries no token. */
    static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_MATCH, RequestId.HEADER, Position.AWAIT_HEADER, Traceparent.HEADER);
    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, Position.WRITTEN_HEADER,
            RateLimitStatus.LIMIT_HEADER, RateLimitStatus.REMAINING_HEADER, RateLimitStatus.RESET_HEADER,
            HttpHeaders.RETRY_AFTER, RequestId.HEADER, Traceparent.HEADER);
    static final Duration PREFLIGHT_MAX_AGE = Duration.ofMinutes(10);

    private final CorsConfiguration configuration;
    private final CorsProcessor preflights = new DefaultCorsProcessor();
    private final ProblemWriter problems;

    public CorsFilter(GatewayProperties properties, ProblemWriter problems) {
        this.configuration = properties.cors().enabled() ? configuration(properties.cors()) : null;
        this.problems = problems;
    }

    private static CorsConfiguration configuration(GatewayProperties.Cors cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(ApiRoutes.v1().stream().map(ApiRoute::method).map(HttpMethod::name)
                .distinct().sorted().toList());
        configuration.setAllowedHeaders(ALLOWED_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        configuration.setMaxAge(PREFLIGHT_MAX_AGE);
        configuration.setAllowCredentials(false);
        return configuration;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (configuration != null) {
            varyByOrigin(exchange.getResponse());
        }
        if (!CorsUtils.isCorsRequest(request)) {
            return chain.filter(exchange);
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            return preflight(exchange);
        }
        String allowedOrigin = configuration == null ? null
                : configuration.checkOrigin(request.getHeaders().getOrigin());
        if (allowedOrigin != null) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            exchange.getResponse().beforeCommit(() -> {
                headers.setAccessControlAllowOrigin(allowedOrigin);
                headers.setAccessControlExposeHeaders(EXPOSED_HEADERS);
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    private Mono<Void> preflight(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        if (configuration != null && preflights.process(configuration, exchange)) {
            response.setStatusCode(HttpStatus.NO_CONTENT);
            return response.setComplete();
        }
        String origin = exchange.getRequest().getHeaders().getOrigin();
        boolean originAllowed = configuration != null && configuration.checkOrigin(origin) != null;
        return problems.write(exchange, Problem.forbidden(originAllowed
                ? "The API does not allow this method or these headers from a browser."
                : "The API does not allow browser requests from the origin " + origin + "."));
    }

    /** Answers differ by Origin once CORS is on; caches must know. */
    private static void varyByOrigin(ServerHttpResponse response) {
        response.beforeCommit(() -> {
            if (!response.getHeaders().getVary().contains(HttpHeaders.ORIGIN)) {
                response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            }
            return Mono.empty();
        });
    }

    @Override
    public int getOrder() {
        return FilterOrder.CORS;
    }
}
