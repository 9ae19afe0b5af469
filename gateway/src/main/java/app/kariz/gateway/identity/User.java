package app.kariz.gateway.identity;

import app.kariz.contract.identity.Role;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A person who signs in to one organisation.
 *
 * @param timeZone their own zone, or null to follow the organisation's
 * @param locale   their own {@code fa} or {@code en}, or null to follow the organisation's
 */
public record User(String id, String organizationId, String name, String email, Role role, ZoneId timeZone,
                   String locale, Instant createdAt) {

    public ZoneId effectiveTimeZone(Organization organization) {
        return timeZone != null ? timeZone : organization.timeZone();
    }
}
