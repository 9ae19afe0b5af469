package app.kariz.view.access;

import app.kariz.support.web.Caller;

/**
 * Who is reading, and whether they may read only their own: a caller is restricted when their role is
 * {@code MEMBER} and their organisation's visibility is {@code OWNER_AND_MANAGERS}. A restricted viewer sees only
 * the deals they own and the activities assigned to them; anything else answers as if it did not exist.
 *
 * @param restricted whether the viewer sees only their own deals and activities
 */
public record Viewer(String organizationId, String userId, boolean restricted) {

    /** The caller's identity and, from its role and its organisation's visibility, whether it is restricted. */
    public static Viewer of(Caller caller) {
        return new Viewer(caller.organizationId(), caller.userId(), caller.restricted());
    }

    /** The owner whose deals alone this viewer may see: themself when restricted, null when they see every deal. */
    public String onlyOwnerId() {
        return restricted ? userId : null;
    }

    /** Whether a deal owned by {@code ownerId} (null: nobody) is visible to this viewer. */
    public boolean seesDealOwnedBy(String ownerId) {
        return !restricted || userId.equals(ownerId);
    }

    /** Whether an activity assigned to {@code assigneeId} (null: nobody) is visible to this viewer. */
    public boolean seesActivityAssignedTo(String assigneeId) {
        return !restricted || userId.equals(assigneeId);
    }
}
