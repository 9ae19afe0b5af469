package app.kariz.gateway.identity;

/** The organisation has a user with this email already (the unique index said so). */
public class DuplicateEmailException extends RuntimeException {

    public DuplicateEmailException() {
        super("The organization has a user with this email already", null, false, false);
    }
}
