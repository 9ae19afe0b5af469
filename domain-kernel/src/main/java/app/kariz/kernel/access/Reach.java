package app.kariz.kernel.access;

import app.kariz.kernel.NotFoundException;

/**
 * The records a request may touch: those of its caller's organisation, and of them, when the caller may act only on
 * its own, those it holds (owns, or is assigned to). What is out of reach must look exactly like what does not
 * exist, so that no answer tells one organisation that an id exists in another; every aggregate and lookup guards
 * itself with this one rule.
 *
 * @param organizationId the caller's organisation
 * @param onlyHeldBy     the one user whose records the caller may touch, or null for all of the organisation's
 */
public record Reach(String organizationId, String onlyHeldBy) {

    public Reach {
        if (organizationId == null) {
            throw new IllegalArgumentException("A reach is always within an organisation");
        }
    }

    /** The whole organisation: organisation settings (pipelines, activity types) and system work such as cascades. */
    public static Reach organization(String organizationId) {
        return new Reach(organizationId, null);
    }

    /** Whether a record of {@code ownOrganizationId}, held by {@code holderId} (null for nobody), is within reach. */
    public boolean includes(String ownOrganizationId, String holderId) {
        return organizationId.equals(ownOrganizationId) && (onlyHeldBy == null || onlyHeldBy.equals(holderId));
    }

    /**
     * @param kind the record's kind as the answer names it, e.g. {@code deal}
     * @throws NotFoundException "No {kind} {id}" when the record is out of reach
     */
    public void require(String kind, String id, String ownOrganizationId, String holderId) {
        if (!includes(ownOrganizationId, holderId)) {
            throw new NotFoundException("No " + kind + " " + id);
        }
    }
}
