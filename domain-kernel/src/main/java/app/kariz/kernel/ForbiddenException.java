package app.kariz.kernel;

import java.util.Optional;

/**
 * The caller is known but may not do this (403), e.g. a member opening a deal for someone else. When one field of
 * the request is what makes it forbidden, the problem names it as invalid input does.
 */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String detail) {
        this(null, detail);
    }

    /** @param field the request field at fault, e.g. {@code ownerId}, or null */
    public ForbiddenException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public Optional<InvalidInputException.FieldError> error() {
        return Optional.ofNullable(field).map(name -> new InvalidInputException.FieldError(name, getMessage()));
    }
}
