package app.kariz.contract.identity;

/**
 * Who sees what in an organisation, sent as {@link IdentityHeaders#VISIBILITY} by its name; the services apply it
 * (docs/identity-and-tenancy.md).
 */
public enum Visibility {
    /** Everyone sees every deal and activity of the organisation. */
    EVERYONE,
    /** A member sees only the deals they own and the activities assigned to them; managers and admins see all. */
    OWNER_AND_MANAGERS
}
