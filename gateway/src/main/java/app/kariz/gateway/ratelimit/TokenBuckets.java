package app.kariz.gateway.ratelimit;

import app.kariz.gateway.GatewayProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;

/**
 * One Bucket4j token bucket per client key (a bearer token's digest), in this gateway instance's memory: it holds
 * {@code burst} requests and regains {@code perSecond} of them per second, continuously.
 * <p>
 * Several gateway instances (e.g. scaled out in docker-compose) each keep their own buckets, so a client spreading
 * its requests over n instances gets up to n times the limit. Limiting across instances needs the buckets in a
 * shared store that updates them atomically (Bucket4j's proxy managers for Redis, Hazelcast, a JDBC database …),
 * keyed by the same client key, at the price of a round trip per request.
 * <p>
 * Memory is bounded: a bucket nobody used for as long as it takes to fill up is dropped, which loses nothing (a new
 * bucket starts full), and at most {@value #MAX_BUCKETS} are kept; beyond that the least recently used go first.
 */
class TokenBuckets {

    static final long MAX_BUCKETS = 100_000;

    private final GatewayProperties.RateLimit limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public TokenBuckets(GatewayProperties.RateLimit limit, Ticker ticker) {
        this.limit = limit;
        this.time = new TickerTime(ticker);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limit.timeToFill())
                .maximumSize(MAX_BUCKETS)
                .ticker(ticker)
                .build();
    }

    /** Takes one request from the client's bucket, if there is one left. */
    public RateLimitStatus take(String clientKey) {
        ConsumptionProbe probe = buckets.get(clientKey, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        return new RateLimitStatus(probe.isConsumed(), limit.burst(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForReset()),
                Duration.ofNanos(probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill()));
    }

    /** How many clients have a bucket right now, after dropping the ones that were full anyway. */
    long bucketCount() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    /** The buckets' clock is the cache's, so tests can move both. */
    private record TickerTime(Ticker ticker) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return ticker.read();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
