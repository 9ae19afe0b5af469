package app.kariz.gateway.consistency;

import app.kariz.gateway.GatewayProperties;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration {

    @Bean
    SeenPositions seenPositions(GatewayProperties properties) {
        return new SeenPositions(properties.consistencyWindow(), properties.positionsPerToken(), Ticker.systemTicker());
    }
}
