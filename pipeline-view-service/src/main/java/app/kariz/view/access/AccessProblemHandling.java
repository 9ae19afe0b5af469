package app.kariz.view.access;

import app.kariz.support.web.InvalidInputException;
import app.kariz.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * {@link ForbiddenException} as the contract's problem+json, {@code urn:kariz:problem:forbidden}, naming the
 * offending parameter in {@code errors} like invalid input does. Ordered before the shared handling, whose
 * catch-all would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessProblemHandling {

    @ExceptionHandler(ForbiddenException.class)
    public ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        ResponseEntity<ProblemDetail> response = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                e.getMessage());
        response.getBody().setProperty("errors",
                List.of(new InvalidInputException.FieldError(e.field(), e.reason())));
        return response;
    }
}
