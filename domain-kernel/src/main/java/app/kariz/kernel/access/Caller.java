package app.kariz.kernel.access;

import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import app.kariz.kernel.ForbiddenException;

import java.time.ZoneId;

/**
 * Who sent a request within an organisation, as established by the gateway (which alone checks credentials and
 * sets the {@link app.kariz.contract.identity.IdentityHeaders}, signed).
 *
 * @param timeZone   the caller's own zone, the default for what they schedule
 * @param role       the caller's role in the organisation
 * @param visibility what the organisation lets its members see
 */
public record Caller(String organizationId, String userId, ZoneId timeZone, Role role, Visibility visibility) {

    /** Whether the caller sees only its own deals and activities: a member where only owners and managers see all. */
    public boolean restricted() {
        return role == Role.MEMBER && visibility == Visibility.OWNER_AND_MANAGERS;
    }

    /** Whether the caller may see and change something of its organisation owned by (or assigned to) the user. */
    public boolean sees(String ownerOrAssigneeId) {
        return reach().includes(organizationId, ownerOrAssigneeId);
    }

    /** @return the one user whose deals and activities the caller may touch, or null when it may touch them all */
    public String onlyOwnUserId() {
        return restricted() ? userId : null;
    }

    /** The records the caller's requests may touch. */
    public Reach reach() {
        return new Reach(organizationId, onlyOwnUserId());
    }

    /**
     * Organisation settings (pipelines, activity types, users) are the admins' to change. The gateway refuses the
     * others already; services check again so that a route the gateway forgot does not open them.
     */
    public void requireAdmin() {
        if (role != Role.ADMIN) {
            throw new ForbiddenException("Only an organisation's admins may do this");
        }
    }
}
