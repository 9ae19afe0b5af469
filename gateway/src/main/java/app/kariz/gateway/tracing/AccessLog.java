package app.kariz.gateway.tracing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path (without the query, which may hold personal data), status and duration; the
 * request id comes from the MDC. Never tokens, other headers or bodies.
 */
public final class AccessLog {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private AccessLog() {
    }

    /** @param abandoned the client went away before the answer was complete */
    public static void request(String method, String path, int status, long millis, boolean abandoned) {
        if (abandoned) {
            log.info("{} {} {} {} ms (client went away)", method, path, status, millis);
        } else {
            log.info("{} {} {} {} ms", method, path, status, millis);
        }
    }
}
