package app.kariz.gateway.ratelimit;

import org.springframework.http.HttpHeaders;

import java.time.Duration;

/**
 * What taking one request from a token's bucket found, and how it is told to the client. The headers follow the
 * separate fields of the IETF draft "RateLimit header fields for HTTP":
 * <ul>
 *   <li>{@code RateLimit-Limit}: the bucket's capacity, the most requests a client can make at once (the burst);
 *   <li>{@code RateLimit-Remaining}: the requests left in the bucket after this one;
 *   <li>{@code RateLimit-Reset}: seconds (rounded up) until the bucket is full again, i.e. until the client has its
 *       whole limit back if it sends nothing meanwhile;
 *   <li>{@code Retry-After} (on a 429 only): seconds (rounded up, at least 1) until the next request is allowed.
 * </ul>
 *
 * @param allowed          whether this request may go on
 * @param remaining        requests left after this one
 * @param untilFull        until the bucket holds {@code limit} requests again
 * @param untilNextRequest until the next request is allowed; zero while requests remain
 */
public record RateLimitStatus(boolean allowed, long limit, long remaining, Duration untilFull,
                              Duration untilNextRequest) {

    public static final String LIMIT_HEADER = "RateLimit-Limit";
    public static final String REMAINING_HEADER = "RateLimit-Remaining";
    public static final String RESET_HEADER = "RateLimit-Reset";

    public void writeTo(HttpHeaders headers) {
        headers.set(LIMIT_HEADER, Long.toString(limit));
        headers.set(REMAINING_HEADER, Long.toString(remaining));
        headers.set(RESET_HEADER, Long.toString(secondsRoundedUp(untilFull)));
    }

    public long retryAfterSeconds() {
        return Math.max(1, secondsRoundedUp(untilNextRequest));
    }

    private static long secondsRoundedUp(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
