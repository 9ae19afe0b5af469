package app.kariz.gateway.tracing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;

@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /** Picked up by Spring's HTTP handler builder, which wraps the whole web stack in it. */
    @Bean
    HttpHandlerDecoratorFactory requestTracing() {
        return RequestTracing::new;
    }
}
