package app.kariz.gateway;

import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The gateway started the way the launcher starts it, on a random port, with extra arguments and sources. */
public final class RunningGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningGateway(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningGateway start(List<Class<?>> extraSources, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(List.of(arguments));
        return new RunningGateway(GatewayApplication.builder()
                .sources(extraSources.toArray(Class<?>[]::new))
                .run(args.toArray(String[]::new)));
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

    @Override
    public void close() {
        context.close();
    }
}
