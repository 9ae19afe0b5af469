package app.kariz.gateway.auth;

import app.kariz.gateway.identity.Organization;
import app.kariz.gateway.identity.Role;
import app.kariz.gateway.identity.User;
import app.kariz.gateway.identity.Visibility;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Who a request comes from, as the services see it in the signed {@code Kariz-*} headers.
 *
 * @param organizationId null only for the platform administrator
 * @param visibility     the organisation's; null only for the platform administrator
 * @param timeZone       the user's own zone, else the organisation's: the default for what they schedule; null only
 *                       for the platform administrator
 */
public record Identity(String organizationId, String userId, Role role, Visibility visibility, ZoneId timeZone) {

    public static final String ORGANIZATION_HEADER = "Kariz-Organization-Id";
    public static final String USER_HEADER = "Kariz-User-Id";
    public static final String ROLE_HEADER = "Kariz-User-Role";
    public static final String VISIBILITY_HEADER = "Kariz-Visibility";
    public static final String TIME_ZONE_HEADER = "Kariz-Time-Zone";
    public static final String ISSUED_AT_HEADER = "Kariz-Identity-Issued-At";
    public static final String SIGNATURE_HEADER = "Kariz-Identity-Signature";
    /** Every header that speaks for the caller: a client's own are removed, only the gateway sets them. */
    public static final List<String> HEADERS = List.of(ORGANIZATION_HEADER, USER_HEADER, ROLE_HEADER,
            VISIBILITY_HEADER, TIME_ZONE_HEADER, ISSUED_AT_HEADER, SIGNATURE_HEADER);

    public static final String PLATFORM_ADMIN_USER_ID = "platform-admin";

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
        return new Identity(null, PLATFORM_ADMIN_USER_ID, Role.PLATFORM_ADMIN, null, null);
    }

    public boolean isPlatformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }
}
