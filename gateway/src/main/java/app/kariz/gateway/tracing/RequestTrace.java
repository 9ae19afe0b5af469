package app.kariz.gateway.tracing;

import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What ties a request to everything it causes: its {@code X-Request-Id} and its W3C {@code traceparent}, each the
 * client's own when acceptable, else new. Both travel to the service and back to the client.
 *
 * @param traceRestarted the client sent no valid {@code traceparent}, so the request starts a trace of its own
 */
public record RequestTrace(String requestId, Traceparent traceparent, boolean traceRestarted) {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** The key of the request id in log lines (MDC) and in the Reactor context; the services use the same. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTABLE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The client's ids where they are acceptable, new ones where they are missing or not. */
    public static RequestTrace accept(HttpHeaders incoming) {
        String offered = incoming.getFirst(REQUEST_ID_HEADER);
        String requestId = offered != null && ACCEPTABLE_REQUEST_ID.matcher(offered).matches() ? offered
                : UUID.randomUUID().toString();
        Optional<Traceparent> traceparent = Traceparent.parse(incoming.getOrEmpty(Traceparent.HEADER));
        return new RequestTrace(requestId, traceparent.orElseGet(Traceparent::start), traceparent.isEmpty());
    }

    /** For a request the gateway answers before it could even read its headers. */
    public static RequestTrace start() {
        return new RequestTrace(UUID.randomUUID().toString(), Traceparent.start(), true);
    }

    /** Replaces the client's headers with the accepted or new ones, the form the services receive. */
    public void forwardIn(HttpHeaders requestHeaders) {
        requestHeaders.set(REQUEST_ID_HEADER, requestId);
        requestHeaders.set(Traceparent.HEADER, traceparent.value());
        if (traceRestarted) {
            requestHeaders.remove(Traceparent.STATE_HEADER);
        }
    }

    public void echoOn(HttpHeaders responseHeaders) {
        responseHeaders.set(REQUEST_ID_HEADER, requestId);
        responseHeaders.set(Traceparent.HEADER, traceparent.value());
    }

    /**
     * Puts the request id of a request that passed {@link RequestTracing} into the MDC until closed, for log lines
     * written outside the Reactor context, e.g. {@code try (var ignored = RequestTrace.inMdc(request)) { log… }}.
     */
    public static MDC.MDCCloseable inMdc(ServerHttpRequest request) {
        String requestId = request.getHeaders().getFirst(REQUEST_ID_HEADER);
        return MDC.putCloseable(MDC_KEY, requestId == null ? "" : requestId);
    }
}
