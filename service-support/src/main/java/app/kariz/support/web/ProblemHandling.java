package app.kariz.support.web;

import app.kariz.kernel.ForbiddenException;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.RuleViolationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into the contract's problem+json. Invalid input names the offending fields with their
 * JSON paths (e.g. {@code next.dueDate}) so a client can put the message beside the right form field.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler({InvalidInputException.class, NotFoundException.class, RuleViolationException.class,
            ForbiddenException.class})
    public ResponseEntity<ProblemDetail> refused(RuntimeException e) {
        return Problems.ofRefusal(e).orElseThrow(() -> e);
    }

    @ExceptionHandler(UnauthenticatedException.class)
    public ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
        return Problems.unauthenticated(e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Request failed", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed; nothing is known to have changed.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<InvalidInputException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidInputException.FieldError(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return widen(Problems.invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return widen(Problems.invalidInput(List.of(new InvalidInputException.FieldError(path(unknown),
                    "unknown field; known fields are " + unknown.getKnownPropertyIds()))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return widen(Problems.invalidInput(List.of(new InvalidInputException.FieldError(path(mismatch),
                    "has the wrong format" + expected(mismatch.getTargetType())))));
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof InvalidInputException
                invalid) {
            return widen(Problems.invalidInput(invalid.errors()));
        }
        String detail = cause instanceof JsonProcessingException json
                ? "The body is not valid JSON: " + json.getOriginalMessage()
                : "The request body is missing or unreadable";
        return widen(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> ": expected a date like 2026-11-27";
            case "LocalTime" -> ": expected a wall time like 14:30";
            case "Instant" -> ": expected a UTC instant like 2026-11-27T11:00:00Z";
            case "BigDecimal" -> ": expected a decimal number like \"1200.00\"";
            case "Integer", "int", "Long", "long" -> ": expected a whole number";
            case "String" -> ": expected a string";
            default -> "";
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
