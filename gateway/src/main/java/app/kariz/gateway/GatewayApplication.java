package app.kariz.gateway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.embedded.netty.NettyRouteProvider;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The public entry point of Kariz: keeps organisations, users and their tokens, checks who is calling and whether
 * their role allows the operation, tells the services in signed headers, limits each token's rate, the size of requests and what
 * browsers may do, gives each request an id and a trace, routes {@code /api/v1} to the services, makes a client see
 * its own writes and answers its own failures as problem+json.
 * <p>
 * The local launcher starts every service in one JVM with one classpath (Spring MVC, Tomcat, Axon, the Mongo
 * driver …), so this application pins itself to what it needs: its own config file ({@code gateway.properties},
 * which excludes the other services' auto-configurations), a reactive context and the Netty server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=gateway")
                .web(WebApplicationType.REACTIVE);
    }

    /**
     * Netty, even when Tomcat is on the classpath: Boot would otherwise prefer Tomcat for a reactive server too.
     * Mirrors Boot's own Netty server configuration, which steps back once this bean exists.
     */
    @Bean
    NettyReactiveWebServerFactory nettyReactiveWebServerFactory(ObjectProvider<ReactorResourceFactory> resources,
                                                                ObjectProvider<NettyRouteProvider> routes,
                                                                ObjectProvider<NettyServerCustomizer> customizers) {
        NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory();
        resources.ifAvailable(factory::setResourceFactory);
        routes.orderedStream().forEach(factory::addRouteProviders);
        factory.getServerCustomizers().addAll(customizers.orderedStream().toList());
        return factory;
    }
}
