package app.kariz.deal.command;

/**
 * A write named a version of the aggregate ({@code If-Match}) that is no longer its current one; nothing was
 * changed (HTTP 412).
 */
public class StaleVersionException extends RuntimeException {

    private final Long currentVersion;

    /**
     * @param currentVersion the aggregate's version now, or null when another write won a race and the
     *                       version it left is not known here
     */
    public StaleVersionException(String detail, Long currentVersion) {
        super(detail);
        this.currentVersion = currentVersion;
    }

    public Long currentVersion() {
        return currentVersion;
    }
}
