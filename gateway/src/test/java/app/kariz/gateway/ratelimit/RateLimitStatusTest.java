package app.kariz.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitStatusTest {

    @Test
    void secondsAreRoundedUpSoThatAClientWaitingThatLongIsNeverTooEarly() {
        RateLimitStatus status = new RateLimitStatus(false, 100, 0, Duration.ofMillis(4950), Duration.ofMillis(50));
        HttpHeaders headers = new HttpHeaders();

        status.writeTo(headers);

        assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo("100");
        assertThat(headers.getFirst("RateLimit-Remaining")).isEqualTo("0");
        assertThat(headers.getFirst("RateLimit-Reset")).isEqualTo("5");
        assertThat(status.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        RateLimitStatus status = new RateLimitStatus(false, 100, 0, Duration.ofSeconds(5), Duration.ZERO);

        assertThat(status.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void wholeSecondsStayAsTheyAre() {
        RateLimitStatus status = new RateLimitStatus(true, 10, 7, Duration.ofSeconds(3), Duration.ZERO);
        HttpHeaders headers = new HttpHeaders();

        status.writeTo(headers);

        assertThat(headers.getFirst("RateLimit-Reset")).isEqualTo("3");
    }
}
