package app.kariz.gateway.tracing;

import app.kariz.contract.request.RequestId;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.util.Optional;

/**
 * What ties a request to everything it causes: its {@code X-Request-Id} and its W3C {@code traceparent}, each the
 * client's own when acceptable, else new. Both travel to the service and back to the client.
 *
 * @param traceRestarted the client sent no valid {@code traceparent}, so the request starts a trace of its own
 */
public record RequestTrace(String requestId, Traceparent traceparent, boolean traceRestarted) {

    /** The client's ids where they are acceptable, new ones where they are missing or not. */
    public static RequestTrace accept(HttpHeaders incoming) {
        String requestId = RequestId.acceptOrNew(incoming.getFirst(RequestId.HEADER));
        Optional<Traceparent> traceparent = Traceparent.parse(incoming.getOrEmpty(Traceparent.HEADER));
        return new RequestTrace(requestId, traceparent.orElseGet(Traceparent::start), traceparent.isEmpty());
    }

    /** For a request the gateway answers before it could even read its headers. */
    public static RequestTrace start() {
        return new RequestTrace(RequestId.newId(), Traceparent.start(), true);
    }

    /** Replaces the client's headers with the accepted or new ones, the form the services receive. */
    public void forwardIn(HttpHeaders requestHeaders) {
        requestHeaders.set(RequestId.HEADER, requestId);
        requestHeaders.set(Traceparent.HEADER, traceparent.value());
        if (traceRestarted) {
            requestHeaders.remove(Traceparent.STATE_HEADER);
        }
    }

    public void echoOn(HttpHeaders responseHeaders) {
        responseHeaders.set(RequestId.HEADER, requestId);
        responseHeaders.set(Traceparent.HEADER, traceparent.value());
    }

    /**
     * Puts the request id of a request that passed {@link RequestTracing} into the MDC until closed, for log lines
     * written outside the Reactor context, e.g. {@code try (var ignored = RequestTrace.inMdc(request)) { log… }}.
     */
    public static MDC.MDCCloseable inMdc(ServerHttpRequest request) {
        String requestId = request.getHeaders().getFirst(RequestId.HEADER);
        return MDC.putCloseable(RequestId.MDC_KEY, requestId == null ? "" : requestId);
    }
}
