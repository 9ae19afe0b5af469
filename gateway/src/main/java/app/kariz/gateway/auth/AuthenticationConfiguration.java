package app.kariz.gateway.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Local mode: the demo user is the only identity, known by the demo token. */
@Configuration(proxyBeanMethods = false)
public class AuthenticationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationConfiguration.class);

    @Bean
    DemoCredentials demoCredentials(DemoProperties properties) {
        DemoToken token = DemoToken.resolve(properties.token(), properties.tokenFile());
        Identity identity = properties.identity();
        switch (token.origin()) {
            case CONFIGURED -> log.info("Demo user {} of organization {} signs in with the configured token "
                    + "(KARIZ_DEMO_TOKEN)", identity.userId(), identity.organizationId());
            // Local mode only, and asked for by the API contract: the developer needs this token to call the API.
            case READ_FROM_FILE, GENERATED -> log.info("Demo token ({} {}): {}  -- call the API with "
                            + "'Authorization: Bearer <token>'", token.origin() == DemoToken.Origin.GENERATED
                            ? "generated and saved to" : "read from",
                    properties.tokenFile().toAbsolutePath(), token.value());
        }
        return new DemoCredentials(token.value(), identity);
    }
}
