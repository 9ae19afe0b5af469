package app.kariz.gateway.identity;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Who a request comes from, as the services see it in the signed identity headers ({@link IdentityHeaders}).
 *
 * @param organizationId null only for the platform administrator
 * @param visibility     the organisation's; null only for the platform administrator
 * @param timeZone       the user's own zone, else the organisation's: the default for what they schedule; null only
 *                       for the platform administrator
 */
public record Identity(String organizationId, String userId, Role role, Visibility visibility, ZoneId timeZone) {

    public Identity {
        Objects.requireNonNull(role, "role");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("An identity needs a user id");
        }
        boolean ofOrganization = role != Role.PLATFORM_ADMIN;
        if (ofOrganization && (organizationId == null || organizationId.isBlank() || visibility == null
                || timeZone == null)) {
            throw new IllegalArgumentException("A user's identity needs an organization, its visibility and a zone");
        }
    }

    public static Identity of(User user, Organization organization) {
        return new Identity(organization.id(), user.id(), user.role(), organization.visibility(),
                user.effectiveTimeZone(organization));
    }

    public static Identity platformAdmin() {
        return new Identity(null, IdentityHeaders.PLATFORM_ADMIN_USER_ID, Role.PLATFORM_ADMIN, null, null);
    }

    public boolean isPlatformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }
}
