package app.kariz.deal;

import app.kariz.support.eventstore.EventStoreConfiguration;
import app.kariz.support.web.CommandProblemHandling;
import app.kariz.support.web.WebConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.ZoneOffset;

/** Deals and pipelines: the event-sourced write side of the board. */
@SpringBootApplication
@Import({EventStoreConfiguration.class, WebConfiguration.class, CommandProblemHandling.class})
public class DealServiceApplication {

    /** Own config name: the local launcher runs every service from one classpath. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(DealServiceApplication.class)
                .properties("spring.config.name=deal-service")
                .web(WebApplicationType.SERVLET);
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        builder().run(args);
    }

    /** Millisecond precision: what MongoDB stores, so events, responses and read models show the same instant. */
    @Bean
    public Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
