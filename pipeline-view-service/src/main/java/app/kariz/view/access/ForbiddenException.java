package app.kariz.view.access;

/**
 * The caller may not ask for this at all, e.g. a restricted member asking for someone else's agenda (403). Used
 * only where refusing reveals nothing; what a viewer may not see answers 404 instead.
 *
 * @see AccessProblemHandling
 */
public class ForbiddenException extends RuntimeException {

    private final String field;
    private final String reason;

    /** @param field the request parameter that asks for what is not allowed */
    public ForbiddenException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
