package app.kariz.kernel;

/** A business rule forbids the request in the resource's current state, e.g. moving a lost deal (409). */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String detail) {
        super(detail);
    }
}
