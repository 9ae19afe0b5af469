package app.kariz.view;

import app.kariz.support.mongo.MongoConfiguration;
import app.kariz.support.web.WebConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The read side: deal cards, the board and deal timelines, projected from the public event topics into
 * MongoDB. Its configuration file is {@code pipeline-view-service.properties}, not {@code application.properties},
 * because the local launcher runs all services from one classpath.
 */
@SpringBootApplication(scanBasePackages = "app.kariz.view")
@EnableConfigurationProperties(ViewProperties.class)
@Import({MongoConfiguration.class, WebConfiguration.class})
public class PipelineViewApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PipelineViewApplication.class)
                .properties("spring.config.name=pipeline-view-service")
                .web(WebApplicationType.SERVLET);
    }

    public static void main(String[] args) {
        // Axon may be on the launcher's shared classpath; its update checker would try to reach the internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
        builder().run(args);
    }
}
