package app.kariz.local;

import app.kariz.activity.ActivityServiceApplication;
import app.kariz.deal.DealServiceApplication;
import app.kariz.gateway.GatewayApplication;
import app.kariz.mongo.embedded.EmbeddedMongoServer;
import app.kariz.view.PipelineViewApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * All of Kariz in one JVM: a Kafka broker, a journaled in-process MongoDB and the four services, each service in its
 * own Spring context with its own port, wired to each other exactly as in docker-compose. Everything is
 * written under the data directory and survives a restart. Given an existing Kafka or MongoDB, it uses that
 * instead of starting its own.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** In-process servers this stack started and must stop; empty when it was given existing ones. */
    private final List<AutoCloseable> storage;
    private final List<ConfigurableApplicationContext> backEnd;
    private final ConfigurableApplicationContext gateway;
    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private final int gatewayPort;

    private LocalStack(List<AutoCloseable> storage, List<ConfigurableApplicationContext> backEnd,
                       ConfigurableApplicationContext gateway, String kafkaBootstrapServers, String mongoUri,
                       int gatewayPort) {
        this.storage = storage;
        this.backEnd = backEnd;
        this.gateway = gateway;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
        this.gatewayPort = gatewayPort;
    }

    public static LocalStack start(LocalSettings settings) throws IOException {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // One logging configuration for the whole JVM (logback.xml, in force before Kafka starts): four Spring
        // contexts re-initialising logback at once, mid-start, would drop and garble lines.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        // Tomcat logs through java.util.logging; Spring's logging system would have bridged it.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Files.createDirectories(settings.dataDir());
        List<AutoCloseable> storage = new ArrayList<>();
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        String mongoUri = settings.mongoUri();
        String kafkaBootstrapServers = settings.kafkaBootstrapServers();
        try {
            if (mongoUri == null) {
                EmbeddedMongoServer mongo = settings.mongoInMemory()
                        ? EmbeddedMongoServer.inMemory(settings.mongoPort())
                        : EmbeddedMongoServer.durable(settings.dataDir().resolve("mongo"), settings.mongoPort());
                storage.add(mongo);
                mongoUri = mongo.connectionString();
            }
            if (kafkaBootstrapServers == null) {
                EmbeddedKafka kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
                storage.add(kafka);
                kafkaBootstrapServers = kafka.bootstrapServers();
            }
            String secret = settings.internalSecret() != null ? settings.internalSecret() : randomSecret();
            List<String> shared = List.of(
                    "--kariz.identity.secret=" + secret,
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--kariz.mongo.uri=" + mongoUri,
                    "--kariz.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                    "--logging.register-shutdown-hook=false",
                    "--spring.main.log-startup-info=false");
            // The three back-end services are independent of each other: start them side by side.
            CompletableFuture<ConfigurableApplicationContext> deals = startAsync("deal-service",
                    DealServiceApplication.builder(), shared, "--kariz.mongo.database=kariz_deals");
            CompletableFuture<ConfigurableApplicationContext> activities = startAsync("activity-service",
                    ActivityServiceApplication.builder(), shared, "--kariz.mongo.database=kariz_activities");
            CompletableFuture<ConfigurableApplicationContext> views = startAsync("pipeline-view-service",
                    PipelineViewApplication.builder(), shared, "--kariz.mongo.database=kariz_views");
            for (CompletableFuture<ConfigurableApplicationContext> service : List.of(deals, activities, views)) {
                try {
                    started.add(service.join());
                } catch (CompletionException e) {
                    throw new IllegalStateException("A service did not start", e.getCause());
                }
            }
            List<String> gatewayArgs = new ArrayList<>(List.of(
                    "--server.port=" + settings.gatewayPort(),
                    "--logging.register-shutdown-hook=false",
                    "--spring.main.log-startup-info=false",
                    "--kariz.gateway.deal-service-uri=http://127.0.0.1:" + port(deals.join()),
                    "--kariz.gateway.activity-service-uri=http://127.0.0.1:" + port(activities.join()),
                    "--kariz.gateway.view-service-uri=http://127.0.0.1:" + port(views.join()),
                    "--kariz.identity.secret=" + secret,
                    "--kariz.mongo.uri=" + mongoUri,
                    "--kariz.kafka.bootstrap-servers=" + kafkaBootstrapServers));
            if (settings.demoToken() != null) {
                gatewayArgs.add("--kariz.demo.token=" + settings.demoToken());
            }
            if (settings.adminToken() != null) {
                gatewayArgs.add("--kariz.identity.admin-token=" + settings.adminToken());
            }
            ConfigurableApplicationContext gateway = GatewayApplication.builder().registerShutdownHook(false)
                    .run(gatewayArgs.toArray(String[]::new));
            return new LocalStack(storage, List.copyOf(started), gateway, kafkaBootstrapServers, mongoUri,
                    port(gateway));
        } catch (RuntimeException e) {
            new LocalStack(storage, started, null, kafkaBootstrapServers, mongoUri, 0).close();
            throw e;
        }
    }

    private static String randomSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static void stop(ConfigurableApplicationContext service) {
        try {
            service.close();
        } catch (RuntimeException e) {
            log.warn("A service did not stop cleanly", e);
        }
    }

    private static CompletableFuture<ConfigurableApplicationContext> startAsync(String name,
                                                                               SpringApplicationBuilder builder,
                                                                               List<String> shared, String... own) {
        List<String> args = new ArrayList<>(shared);
        args.addAll(List.of(own));
        CompletableFuture<ConfigurableApplicationContext> started = new CompletableFuture<>();
        new Thread(() -> {
            try {
                ConfigurableApplicationContext context = builder.registerShutdownHook(false)
                        .run(args.toArray(String[]::new));
                log.info("{} listens on 127.0.0.1:{}", name, port(context));
                started.complete(context);
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "start-" + name).start();
        return started;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoConnectionString() {
        return mongoUri;
    }

    /**
     * Stops the gateway first so no request reaches a half-stopped service, then the back-end services side by
     * side, then storage.
     */
    @Override
    public void close() {
        if (gateway != null) {
            stop(gateway);
        }
        CompletableFuture.allOf(backEnd.stream()
                .map(service -> CompletableFuture.runAsync(() -> stop(service)))
                .toArray(CompletableFuture[]::new)).join();
        for (int i = storage.size() - 1; i >= 0; i--) {
            try {
                storage.get(i).close();
            } catch (Exception e) {
                log.warn("Local storage did not stop cleanly", e);
            }
        }
    }
}
