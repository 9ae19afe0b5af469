package app.kariz.gateway.identity;

import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import app.kariz.testing.mongo.InProcessMongo;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo organisation is seeded at every start of the gateway, and that must change nothing the second time. */
class DemoOrganizationTest {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private final InProcessMongo mongo = InProcessMongo.start();
    private final IdentityStore store = newStore(mongo);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger announced = new AtomicInteger();

    private static IdentityStore newStore(InProcessMongo mongo) {
        IdentityStore store = new IdentityStore(MongoClients.create(mongo.connectionString()), "kariz_identity");
        store.createIndexes();
        return store;
    }

    @AfterEach
    void close() {
        store.close();
        mongo.close();
    }

    @Test
    void theFirstStartStoresTheOrganizationItsAdministratorAndTheTokenAndAnnouncesTheOrganization() {
        User user = DemoOrganization.seed(store, "demo", "demo-user", TEHRAN, "demo-token", clock,
                announced::incrementAndGet);

        assertThat(user.role()).isEqualTo(Role.ADMIN);
        assertThat(user.timeZone()).isEqualTo(TEHRAN);
        assertThat(store.organization("demo")).hasValueSatisfying(org -> {
            assertThat(org.timeZone()).isEqualTo(TEHRAN);
            assertThat(org.visibility()).isEqualTo(Visibility.EVERYONE);
        });
        assertThat(store.tokenOwner(ApiTokens.hash("demo-token")))
                .hasValue(new IdentityStore.TokenOwner("demo", "demo-user"));
        assertThat(store.unpublishedOrganizations(10)).singleElement()
                .satisfies(unpublished -> assertThat(unpublished.event().organizationId()).isEqualTo("demo"));
        assertThat(announced).hasValue(1);
    }

    @Test
    void laterStartsKeepWhatWasChangedAndAnnounceNothing() {
        DemoOrganization.seed(store, "demo", "demo-user", TEHRAN, "demo-token", clock, announced::incrementAndGet);
        Organization renamed = new Organization("demo", "شرکت نمونه", TEHRAN, "fa", Visibility.OWNER_AND_MANAGERS,
                store.organization("demo").orElseThrow().createdAt());
        store.replaceOrganizationSettings(renamed);
        store.markPublished("demo", clock.instant());

        DemoOrganization.seed(store, "demo", "demo-user", TEHRAN, "demo-token", clock, announced::incrementAndGet);

        assertThat(store.organizations()).singleElement().isEqualTo(renamed);
        assertThat(store.users("demo")).hasSize(1);
        assertThat(store.unpublishedOrganizations(10)).isEmpty();
        assertThat(announced).hasValue(1);
    }

    @Test
    void aRevokedDemoTokenIsRegisteredAgainAtTheNextStartBecauseItIsConfiguration() {
        DemoOrganization.seed(store, "demo", "demo-user", TEHRAN, "demo-token", clock, () -> { });
        store.revokeTokens("demo", "demo-user");
        assertThat(store.tokenOwner(ApiTokens.hash("demo-token"))).isEmpty();

        DemoOrganization.seed(store, "demo", "demo-user", TEHRAN, "demo-token", clock, () -> { });
        assertThat(store.tokenOwner(ApiTokens.hash("demo-token"))).isPresent();
    }
}
