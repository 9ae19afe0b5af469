package app.kariz.gateway.identity;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * What the gateway does with organisations, users and tokens, for the web layer and the credentials. The store
 * blocks, so every operation runs on Reactor's bounded elastic scheduler, never on the event loop.
 * <p>
 * Nothing here is cached: every request looks its token, user and organisation up again (three indexed reads by
 * primary key). So a revoked token, a changed role or visibility counts from the very next request, on every
 * gateway instance, with no cache to evict.
 */
public class Identities {

    public static final String PLATFORM_ADMIN = IdentityHeaders.PLATFORM_ADMIN_USER_ID;

    private final IdentityStore store;
    private final Clock clock;
    private final Runnable organizationCreated;

    /**
     * @param organizationCreated told after a new organisation is stored, so its creation event goes out at once
     *                            rather than at the next sweep of the outbox
     */
    public Identities(IdentityStore store, Clock clock, Runnable organizationCreated) {
        this.store = store;
        this.clock = clock;
        this.organizationCreated = organizationCreated;
    }

    /** The identity an API token stands for; empty for an unknown or revoked token. */
    public Mono<Identity> identifyApiToken(String token) {
        return blocking(() -> store.tokenOwner(ApiTokens.hash(token))
                .flatMap(owner -> store.user(owner.organizationId(), owner.userId()))
                .flatMap(user -> store.organization(user.organizationId()).map(org -> Identity.of(user, org)))
                .orElse(null));
    }

    /**
     * The identity of a user an OIDC token names: by id, else by email (when the IdP vouches for it), in the
     * organisation named. The stored user's role counts, never a role claimed in the token.
     */
    public Mono<Identity> identifyUser(String organizationId, String userId, String verifiedEmail) {
        return blocking(() -> store.organization(organizationId)
                .flatMap(org -> store.user(org.id(), userId)
                        .or(() -> verifiedEmail == null ? Optional.empty() : store.userByEmail(org.id(), verifiedEmail))
                        .map(user -> Identity.of(user, org)))
                .orElse(null));
    }

    public Mono<Organization> createOrganization(NewOrganization request, String requestId) {
        Organization organization = new Organization(UUID.randomUUID().toString(), request.name(),
                request.timeZone(), request.locale(), request.visibility(), now());
        return blocking(() -> {
            store.insertOrganization(organization,
                    new IdentityStore.PendingEvent(UUID.randomUUID().toString(), PLATFORM_ADMIN, requestId));
            return organization;
        }).doOnNext(created -> organizationCreated.run());
    }

    public Mono<List<Organization>> organizations() {
        return blocking(store::organizations);
    }

    public Mono<Organization> organization(String organizationId) {
        return blocking(() -> store.organization(organizationId).orElse(null));
    }

    public Mono<Organization> changeOrganization(String organizationId, OrganizationChange change) {
        return blocking(() -> store.organization(organizationId).map(current -> {
            Organization changed = change.applyTo(current);
            store.replaceOrganizationSettings(changed);
            return changed;
        }).orElse(null));
    }

    /**
     * A new user and their first token; empty when the organisation does not exist.
     *
     * @throws DuplicateEmailException (in the Mono) when the organisation has a user with this email
     */
    public Mono<UserWithToken> createUser(String organizationId, NewUser request) {
        return blocking(() -> store.organization(organizationId).map(org -> {
            User user = new User(UUID.randomUUID().toString(), org.id(), request.name(), request.email(),
                    request.role(), request.timeZone(), request.locale(), now());
            store.insertUser(user);
            return new UserWithToken(user, issueToken(user));
        }).orElse(null));
    }

    public Mono<List<User>> users(String organizationId) {
        return blocking(() -> store.users(organizationId));
    }

    public Mono<User> user(String organizationId, String userId) {
        return blocking(() -> store.user(organizationId, userId).orElse(null));
    }

    public Mono<User> changeUser(String organizationId, String userId, UserChange change) {
        return blocking(() -> store.user(organizationId, userId).map(current -> {
            User changed = change.applyTo(current);
            store.replaceUserSettings(changed);
            return changed;
        }).orElse(null));
    }

    /** A further token for the user (the earlier ones stay valid); empty when there is no such user. */
    public Mono<String> issueToken(String organizationId, String userId) {
        return blocking(() -> store.user(organizationId, userId).map(this::issueToken).orElse(null));
    }

    /** Revokes every token of the user; false when there is no such user. */
    public Mono<Boolean> revokeTokens(String organizationId, String userId) {
        return blocking(() -> {
            if (store.user(organizationId, userId).isEmpty()) {
                return false;
            }
            store.revokeTokens(organizationId, userId);
            return true;
        });
    }

    private String issueToken(User user) {
        String token = ApiTokens.generate();
        store.insertToken(ApiTokens.hash(token), user, now());
        return token;
    }

    /** Milliseconds, as MongoDB keeps them: what is answered equals what is read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    /** A validated request for a new organisation. */
    public record NewOrganization(String name, ZoneId timeZone, String locale, Visibility visibility) {
    }

    /** A validated request for a new user; zone and locale null to follow the organisation's. */
    public record NewUser(String name, String email, Role role, ZoneId timeZone, String locale) {
    }

    public record UserWithToken(User user, String apiToken) {
    }

    /** A validated change of an organisation's settings; a null field stays as it is. */
    public record OrganizationChange(String name, ZoneId timeZone, String locale, Visibility visibility) {

        Organization applyTo(Organization current) {
            return new Organization(current.id(), name != null ? name : current.name(),
                    timeZone != null ? timeZone : current.timeZone(), locale != null ? locale : current.locale(),
                    visibility != null ? visibility : current.visibility(), current.createdAt());
        }
    }

    /**
     * A validated change of a user; a null field stays as it is, and a zone or locale may also be cleared to
     * follow the organisation's again.
     */
    public record UserChange(String name, Role role, Optional<ZoneId> timeZone, Optional<String> locale) {

        User applyTo(User current) {
            return new User(current.id(), current.organizationId(), name != null ? name : current.name(),
                    current.email(), role != null ? role : current.role(),
                    timeZone != null ? timeZone.orElse(null) : current.timeZone(),
                    locale != null ? locale.orElse(null) : current.locale(), current.createdAt());
        }
    }
}
