package app.kariz.gateway.auth;

import app.kariz.gateway.identity.DemoOrganization;
import app.kariz.gateway.identity.Identities;
import app.kariz.gateway.identity.IdentityProperties;
import app.kariz.gateway.identity.IdentityStore;
import app.kariz.gateway.identity.NewOrganizationListener;
import app.kariz.gateway.identity.User;
import app.kariz.gateway.oidc.OidcCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Who may call: users by their API tokens (and OIDC JWTs when configured), the platform administrator by
 * {@code KARIZ_ADMIN_TOKEN}, and in local mode the demo user, seeded into the store at startup.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationConfiguration.class);

    @Bean
    PlatformAdminToken platformAdminToken(IdentityProperties properties) {
        return new PlatformAdminToken(properties.adminToken());
    }

    @Bean
    Credentials credentials(Identities identities, ObjectProvider<OidcCredentials> oidc) {
        return new BearerCredentials(identities, oidc.getIfAvailable());
    }

    /** Stores the demo organisation, user and token (idempotently) before the gateway takes requests. */
    @Bean
    DemoUser demoUser(DemoProperties properties, IdentityStore store, Clock clock,
                      ObjectProvider<NewOrganizationListener> listener) {
        DemoToken token = DemoToken.resolve(properties.token(), properties.tokenFile());
        User user = DemoOrganization.seed(store, properties.organizationId(), properties.userId(),
                properties.timeZone(), token.value(), clock,
                () -> listener.ifAvailable(NewOrganizationListener::organizationStored));
        switch (token.origin()) {
            case CONFIGURED -> log.info("Demo user {} of organization {} signs in with the configured token "
                    + "(KARIZ_DEMO_TOKEN)", user.id(), user.organizationId());
            // Local mode only, and asked for by the API contract: the developer needs this token to call the API.
            case READ_FROM_FILE, GENERATED -> log.info("Demo token ({} {}): {}  -- call the API with "
                            + "'Authorization: Bearer <token>'", token.origin() == DemoToken.Origin.GENERATED
                            ? "generated and saved to" : "read from",
                    properties.tokenFile().toAbsolutePath(), token.value());
        }
        return new DemoUser(user);
    }

    /** The seeded demo user; a bean so that seeding happens at startup. */
    public record DemoUser(User user) {
    }
}
