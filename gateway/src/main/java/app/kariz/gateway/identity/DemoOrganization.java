package app.kariz.gateway.identity;

import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Local mode's demo organisation and its one user, an administrator, stored like any other so that every feature
 * (roles, tokens, users, organisation settings) works for them. Seeding is idempotent: what exists is left alone,
 * including settings changed through the API since.
 * <p>
 * The demo user is an ordinary user: revoking their tokens works at once. The configured (or generated) demo
 * token is registered again at every start, though, because it is configuration: to retire it, change
 * {@code KARIZ_DEMO_TOKEN} (or delete the token file) and revoke.
 */
public final class DemoOrganization {

    static final String NAME = "Demo";
    static final String USER_NAME = "Demo user";
    static final String USER_EMAIL = "demo@kariz.local";
    static final String LOCALE = "fa";

    private DemoOrganization() {
    }

    /** @return the demo user */
    public static User seed(IdentityStore store, String organizationId, String userId, ZoneId timeZone,
                            String token, Clock clock, Runnable organizationCreated) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Organization organization = new Organization(organizationId, NAME, timeZone, LOCALE, Visibility.EVERYONE, now);
        // The event id is derived from the organisation, so every gateway seeding it at once publishes one ce_id.
        boolean created = store.insertOrganizationIfAbsent(organization, new IdentityStore.PendingEvent(
                "organization-created-" + organizationId, Identities.PLATFORM_ADMIN, null));
        User user = new User(userId, organizationId, USER_NAME, USER_EMAIL, Role.ADMIN, timeZone, null, now);
        store.insertUserIfAbsent(user);
        store.insertTokenIfAbsent(ApiTokens.hash(token), user, now);
        if (created) {
            organizationCreated.run();
        }
        return store.user(organizationId, userId).orElse(user);
    }
}
