package app.kariz.gateway.problem;

import app.kariz.gateway.Service;
import app.kariz.gateway.tracing.RequestTrace;
import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Every failure that reaches the gateway's own web stack becomes a problem+json response: a service that cannot
 * be reached or does not answer in time is a 503, never a raw error page. Ordered before Boot's error handler.
 * (A service's own problem responses are not failures here: they pass through unchanged.) Its log lines carry the
 * request id.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    public ProblemExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.clear();
        if (error instanceof ResponseStatusException statusError) {
            headers.addAll(statusError.getHeaders());
        }
        Problem problem;
        try (MDC.MDCCloseable ignored = RequestTrace.inMdc(exchange.getRequest())) {
            problem = problemFor(exchange, error);
        }
        return problems.write(exchange, problem);
    }

    private Problem problemFor(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ProblemException answered) {
            return answered.problem();
        }
        String service = serviceOf(exchange);
        if (isTimeout(error)) {
            log.warn("{} did not answer {} in time: {}", service, exchange.getRequest().getPath(), error.toString());
            return Problem.serviceUnavailable("The " + service + " did not answer in time; a write may or may not "
                    + "have been applied.");
        }
        if (hasCause(error, ConnectException.class) || hasCause(error, UnknownHostException.class)
                || hasCause(error, NoRouteToHostException.class)) {
            log.warn("{} cannot be reached: {}", service, error.toString());
            return Problem.serviceUnavailable("The " + service + " cannot be reached; nothing was changed. "
                    + "Try again shortly.");
        }
        if (error instanceof ResponseStatusException statusError) {
            return problemFor(exchange, statusError);
        }
        if (hasCause(error, MongoException.class)) {
            // Every authenticated request reads the identity store: without it nobody can be let in.
            log.warn("The identity store failed: {}", error.toString());
            return Problem.serviceUnavailable("The gateway cannot check who is calling right now; nothing was "
                    + "changed. Try again shortly.");
        }
        if (isRouted(exchange) && hasCause(error, IOException.class)) {
            log.warn("Connection to {} failed: {}", service, error.toString());
            return Problem.serviceUnavailable("The connection to the " + service + " failed; a write may or may "
                    + "not have been applied.");
        }
        log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return Problem.internal();
    }

    private Problem problemFor(ServerWebExchange exchange, ResponseStatusException error) {
        HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
        String path = exchange.getRequest().getPath().value();
        if (status == null || status.is5xxServerError()) {
            log.warn("Request {} {} failed: {}", exchange.getRequest().getMethod(), path, error.toString());
            return status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.BAD_GATEWAY
                    ? Problem.serviceUnavailable("The " + serviceOf(exchange) + " is not available. Try again shortly.")
                    : Problem.internal();
        }
        return switch (status) {
            case NOT_FOUND -> Problem.notFound("There is no " + path + ".");
            case METHOD_NOT_ALLOWED -> Problem.methodNotAllowed(
                    exchange.getRequest().getMethod().name() + " is not allowed on " + path + ".");
            default -> Problem.ofStatus(status, error.getReason() != null ? error.getReason()
                    : status.getReasonPhrase());
        };
    }

    private static boolean isTimeout(Throwable error) {
        return hasCause(error, TimeoutException.class)
                || hasCause(error, io.netty.handler.timeout.TimeoutException.class)
                || error instanceof ResponseStatusException statusError
                && statusError.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRouted(ServerWebExchange exchange) {
        return exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) != null;
    }

    private static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object service = route == null ? null : route.getMetadata().get(Service.ROUTE_METADATA);
        return service == null ? "service" : service.toString();
    }
}
