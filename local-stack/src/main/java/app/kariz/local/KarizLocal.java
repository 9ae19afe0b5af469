package app.kariz.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** {@code java -jar local-stack/target/kariz-local.jar}: Kariz on a laptop. */
public final class KarizLocal {

    private static final Logger log = LoggerFactory.getLogger(KarizLocal.class);

    private KarizLocal() {
    }

    public static void main(String[] args) throws Exception {
        LocalSettings settings = LocalSettings.fromEnvironment(System.getenv());
        LocalStack stack = LocalStack.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping Kariz");
            stack.close();
            log.info("Kariz stopped");
        }, "kariz-shutdown"));
        Duration sinceJvmStart = Duration.ofMillis(
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        log.info("Kariz is ready in {} ms: API http://localhost:{}/api/v1, Kafka {}, MongoDB {}, data in {}",
                sinceJvmStart.toMillis(), stack.gatewayPort(), stack.kafkaBootstrapServers(),
                stack.mongoConnectionString(), settings.dataDir().toAbsolutePath());
    }
}
