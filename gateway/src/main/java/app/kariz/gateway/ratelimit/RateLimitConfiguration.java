package app.kariz.gateway.ratelimit;

import app.kariz.gateway.GatewayProperties;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** The clock the buckets refill by; tests put a hand-moved one in its place. */
    @Bean
    Ticker rateLimitTicker() {
        return Ticker.systemTicker();
    }

    @Bean
    TokenBuckets tokenBuckets(GatewayProperties properties, Ticker rateLimitTicker) {
        return new TokenBuckets(properties.rateLimit(), rateLimitTicker);
    }
}
