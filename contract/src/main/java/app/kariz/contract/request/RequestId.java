package app.kariz.contract.request;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a public API request to everything it causes: the client may offer one ({@code X-Request-Id}),
 * the gateway keeps it when acceptable and makes one otherwise, sends it to the service, and both put it in their log
 * lines; the services carry it into their events' headers.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** The key of the request id in log lines (MDC) and in the gateway's Reactor context. */
    public static final String MDC_KEY = "requestId";

    /** Short and printable, so that an id a client offers cannot forge log lines or header values. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    /** @return {@code offered} when acceptable, else a new random id */
    public static String acceptOrNew(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : newId();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
