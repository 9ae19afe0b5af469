package app.kariz.deal.web;

import app.kariz.deal.command.StaleVersionException;
import app.kariz.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A write whose {@code If-Match} names a version the deal is no longer at: 412, type
 * {@code urn:kariz:problem:precondition-failed}, with the deal's current version (as {@code ETag} and
 * {@code currentVersion}) when it is known. Ordered before the shared problem handling, whose catch-all would
 * otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PreconditionProblemHandling {

    @ExceptionHandler(StaleVersionException.class)
    public ResponseEntity<ProblemDetail> staleVersion(StaleVersionException e) {
        ResponseEntity<ProblemDetail> problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                "Precondition failed", e.getMessage());
        if (e.currentVersion() == null) {
            return problem;
        }
        problem.getBody().setProperty("currentVersion", e.currentVersion());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(problem.getHeaders());
        headers.setETag(IfMatch.etag(e.currentVersion()));
        return new ResponseEntity<>(problem.getBody(), headers, problem.getStatusCode());
    }
}
