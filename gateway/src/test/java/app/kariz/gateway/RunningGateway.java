package app.kariz.gateway;

import app.kariz.mongo.embedded.EmbeddedMongoServer;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway started the way the launcher starts it, on a random port, with extra arguments and sources. Unless
 * the arguments say otherwise it gets an identity store of its own (an in-memory MongoDB wire server), the
 * signing secret {@value #SECRET}, and no Kafka.
 */
public final class RunningGateway implements AutoCloseable {

    public static final String SECRET = "test-secret";

    private final ConfigurableApplicationContext context;
    private final EmbeddedMongoServer mongo;

    private RunningGateway(ConfigurableApplicationContext context, EmbeddedMongoServer mongo) {
        this.context = context;
        this.mongo = mongo;
    }

    public static RunningGateway start(List<Class<?>> extraSources, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(List.of(arguments));
        EmbeddedMongoServer mongo = null;
        if (isNotGiven(args, "kariz.mongo.uri")) {
            mongo = EmbeddedMongoServer.inMemory();
            args.add("--kariz.mongo.uri=" + mongo.connectionString());
        }
        if (isNotGiven(args, "kariz.identity.secret")) {
            args.add("--kariz.identity.secret=" + SECRET);
        }
        if (isNotGiven(args, "kariz.kafka.bootstrap-servers")) {
            args.add("--kariz.kafka.bootstrap-servers=");
        }
        try {
            return new RunningGateway(GatewayApplication.builder()
                    .sources(extraSources.toArray(Class<?>[]::new))
                    .run(args.toArray(String[]::new)), mongo);
        } catch (RuntimeException e) {
            if (mongo != null) {
                mongo.close();
            }
            throw e;
        }
    }

    /** A repeated command-line property would be joined with a comma, not overridden. */
    private static boolean isNotGiven(List<String> args, String property) {
        return args.stream().noneMatch(arg -> arg.startsWith("--" + property + "="));
    }

    public static RunningGateway start(String... arguments) {
        return start(List.of(), arguments);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((ReactiveWebServerApplicationContext) context).getWebServer().getPort();
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port())
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** The gateway's identity store, when this class started it. */
    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    @Override
    public void close() {
        context.close();
        if (mongo != null) {
            mongo.close();
        }
    }
}
