package app.kariz.gateway.problem;

import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem the gateway itself answers with, typed like the services' problems:
 * {@code urn:kariz:problem:<slug>}.
 *
 * @param errors the invalid fields of an invalid input, else empty
 */
public record Problem(HttpStatus status, String slug, String title, String detail, List<FieldError> errors) {

    /** One invalid field of a request body, as the services name them: {@code {field, message}}. */
    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = List.copyOf(errors);
    }

    public Problem(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public URI type() {
        return URI.create("urn:kariz:problem:" + slug);
    }

    public static Problem unauthenticated(String detail) {
        return new Problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static Problem methodNotAllowed(String detail) {
        return new Problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** 422 in the services' form: the detail names the one field, or says how many are invalid. */
    public static Problem invalidInput(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", "Invalid input", detail, errors);
    }

    public static Problem conflict(String detail) {
        return new Problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static Problem tooManyRequests(String detail) {
        return new Problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", detail);
    }

    public static Problem contentTooLarge(String detail) {
        return new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "content-too-large", "Content too large", detail);
    }

    public static Problem headersTooLarge(String detail) {
        return new Problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request-header-fields-too-large",
                "Request header fields too large", detail);
    }

    public static Problem uriTooLong(String detail) {
        return new Problem(HttpStatus.URI_TOO_LONG, "uri-too-long", "URI too long", detail);
    }

    public static Problem badRequest(String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }

    public static Problem serviceUnavailable(String detail) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", detail);
    }

    public static Problem internal() {
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed.");
    }

    /** Any other HTTP error the gateway's web stack raises (e.g. a request that is too large). */
    public static Problem ofStatus(HttpStatus status, String detail) {
        String slug = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new Problem(status, slug, status.getReasonPhrase(), detail);
    }
}
