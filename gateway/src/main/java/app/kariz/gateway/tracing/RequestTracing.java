package app.kariz.gateway.tracing;

import app.kariz.contract.request.RequestId;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The outermost layer of the gateway's web stack, around every filter and error handler: gives each request its
 * {@link RequestTrace}, forwards it in the request headers, echoes it on the response whatever answers it, puts the
 * request id in the Reactor context and the MDC ({@value RequestTrace#MDC_KEY}), and writes the access log line.
 */
class RequestTracing implements HttpHandler {

    private final HttpHandler delegate;

    public RequestTracing(HttpHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        long started = System.nanoTime();
        RequestTrace trace = RequestTrace.accept(request.getHeaders());
        ServerHttpRequest traced = request.mutate().headers(trace::forwardIn).build();
        response.beforeCommit(() -> {
            trace.echoOn(response.getHeaders());
            return Mono.empty();
        });
        return delegate.handle(traced, response)
                .contextWrite(Context.of(RequestId.MDC_KEY, trace.requestId()))
                .doFinally(signal -> logAccess(traced, response, signal, started, trace));
    }

    private static void logAccess(ServerHttpRequest request, ServerHttpResponse response, SignalType signal,
                                  long started, RequestTrace trace) {
        int status = Optional.ofNullable(response.getStatusCode()).map(HttpStatusCode::value).orElse(200);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestId.MDC_KEY, trace.requestId())) {
            AccessLog.request(request.getMethod().name(), request.getPath().value(), status, millis,
                    signal == SignalType.CANCEL);
        }
    }
}
