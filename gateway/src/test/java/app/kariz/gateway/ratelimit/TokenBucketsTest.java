package app.kariz.gateway.ratelimit;

import app.kariz.gateway.GatewayProperties;
import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    /** 4 requests at once, 2 more every second: full again 2 s after being emptied. */
    private final TokenBuckets buckets = new TokenBuckets(new GatewayProperties.RateLimit(2, 4), ticker);

    @Test
    void aTokenMayMakeItsBurstAtOnceAndNoMore() {
        for (int i = 0; i < 4; i++) {
            assertThat(buckets.take("client").allowed()).isTrue();
        }

        assertThat(buckets.take("client").allowed()).isFalse();
    }

    @Test
    void theBucketRefillsContinuouslyAtTheRatePerSecond() {
        emptyTheBucketOf("client");

        advance(Duration.ofMillis(499));
        assertThat(buckets.take("client").allowed()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(buckets.take("client").allowed()).isTrue();
        assertThat(buckets.take("client").allowed()).isFalse();
    }

    @Test
    void aRefusedRequestTakesNothingFromTheBucket() {
        emptyTheBucketOf("client");
        for (int i = 0; i < 10; i++) {
            buckets.take("client");
        }

        advance(Duration.ofMillis(500));

        assertThat(buckets.take("client").allowed()).isTrue();
    }

    @Test
    void eachTokenHasABucketOfItsOwn() {
        emptyTheBucketOf("client");

        RateLimitStatus other = buckets.take("another client");

        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(3);
    }

    @Test
    void theStatusTellsTheLimitWhatRemainsAndWhenTheBucketIsFull() {
        RateLimitStatus first = buckets.take("client");

        assertThat(first.limit()).isEqualTo(4);
        assertThat(first.remaining()).isEqualTo(3);
        assertThat(first.untilFull()).isEqualTo(Duration.ofMillis(500));
        assertThat(first.untilNextRequest()).isZero();

        buckets.take("client");
        buckets.take("client");
        RateLimitStatus last = buckets.take("client");
        assertThat(last.remaining()).isZero();
        assertThat(last.untilFull()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRefusalTellsWhenTheNextRequestIsAllowed() {
        emptyTheBucketOf("client");
        advance(Duration.ofMillis(200));

        RateLimitStatus refused = buckets.take("client");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.untilNextRequest()).isEqualTo(Duration.ofMillis(300));
        assertThat(refused.untilFull()).isEqualTo(Duration.ofMillis(1800));
    }

    @Test
    void bucketsLeftAloneUntilFullAreForgottenAndStartFullAgain() {
        emptyTheBucketOf("client");
        buckets.take("another client");
        assertThat(buckets.bucketCount()).isEqualTo(2);

        advance(Duration.ofSeconds(2));

        assertThat(buckets.bucketCount()).isZero();
        assertThat(buckets.take("client").remaining()).isEqualTo(3);
    }

    private void emptyTheBucketOf(String client) {
        while (buckets.take(client).remaining() > 0) {
            // taking
        }
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
