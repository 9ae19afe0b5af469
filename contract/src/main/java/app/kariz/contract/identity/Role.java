package app.kariz.contract.identity;

/**
 * What a caller may do, sent as {@link IdentityHeaders#ROLE} by its name. Users of an organisation are
 * {@code ADMIN}, {@code MANAGER} or {@code MEMBER}; {@code PLATFORM_ADMIN} is the operator holding
 * {@code KARIZ_ADMIN_TOKEN}, who belongs to no organisation.
 */
public enum Role {
    ADMIN, MANAGER, MEMBER, PLATFORM_ADMIN;

    /** The roles a user of an organisation can have. */
    public boolean isUserRole() {
        return this != PLATFORM_ADMIN;
    }
}
