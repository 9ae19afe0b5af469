package app.kariz.kernel;

/** The addressed resource does not exist for the caller (also used for other organisations' ids). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
