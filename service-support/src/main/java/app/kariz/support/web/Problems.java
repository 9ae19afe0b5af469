package app.kariz.support.web;

import app.kariz.kernel.ForbiddenException;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** RFC 9457 problem responses in the contract's shape: type, title, status, detail and field errors. */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:kariz:problem:" + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public static ResponseEntity<ProblemDetail> invalidInput(List<InvalidInputException.FieldError> errors) {
        ResponseEntity<ProblemDetail> response = of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input",
                "Invalid input", errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        response.getBody().setProperty("errors", errors);
        return response;
    }

    public static ResponseEntity<ProblemDetail> notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    /** 403; {@code errors} names the field at fault when one field makes the request forbidden. */
    public static ResponseEntity<ProblemDetail> forbidden(String detail,
                                                          List<InvalidInputException.FieldError> errors) {
        ResponseEntity<ProblemDetail> response = of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
        if (!errors.isEmpty()) {
            response.getBody().setProperty("errors", errors);
        }
        return response;
    }

    public static ResponseEntity<ProblemDetail> unauthenticated(String detail) {
        return of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail);
    }

    public static ResponseEntity<ProblemDetail> conflict(String detail) {
        return of(HttpStatus.CONFLICT, "rule-violated", "Not allowed in the current state", detail);
    }

    /**
     * The one mapping of the domain's refusals to problems, whether a controller threw them or a command handler
     * (whose failure may come wrapped).
     *
     * @return empty when {@code failure} is not one of the domain's refusals
     */
    public static Optional<ResponseEntity<ProblemDetail>> ofRefusal(Throwable failure) {
        if (failure instanceof InvalidInputException invalid) {
            return Optional.of(invalidInput(invalid.errors()));
        }
        if (failure instanceof NotFoundException notFound) {
            return Optional.of(notFound(notFound.getMessage()));
        }
        if (failure instanceof RuleViolationException violation) {
            return Optional.of(conflict(violation.getMessage()));
        }
        if (failure instanceof ForbiddenException forbidden) {
            return Optional.of(forbidden(forbidden.getMessage(), forbidden.error().stream().toList()));
        }
        return Optional.empty();
    }
}
