package app.kariz.support.web;

/** The request does not carry a caller identity the service can trust (401). */
class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String detail) {
        super(detail);
    }
}
