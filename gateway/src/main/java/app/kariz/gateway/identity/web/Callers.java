package app.kariz.gateway.identity.web;

import app.kariz.contract.request.RequestId;
import app.kariz.gateway.auth.Authentication;
import app.kariz.gateway.identity.Identity;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What the identity endpoints need to know about the request they answer. */
final class Callers {

    private Callers() {
    }

    /** The authenticated caller; the authentication filter lets no other request reach an endpoint. */
    static Identity identity(ServerWebExchange exchange) {
        return Authentication.from(exchange).map(Authentication::identity)
                .orElseThrow(() -> new IllegalStateException("An identity endpoint was reached unauthenticated"));
    }

    static String requestId(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst(RequestId.HEADER);
    }

    /** An empty answer means: there is no such thing (in the caller's organisation). */
    static <T> Mono<T> orNotFound(Mono<T> found, String what) {
        return found.switchIfEmpty(Mono.error(() -> new ProblemException(Problem.notFound("There is no " + what
                + "."))));
    }
}
