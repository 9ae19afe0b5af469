package app.kariz.gateway.routing;

import app.kariz.contract.identity.Role;
import app.kariz.gateway.identity.Identity;

/** Who may call an operation; the gateway enforces it before anything is forwarded or answered. */
public enum Access {
    /** Any user of an organisation. */
    ANY,
    /** An organisation's administrators: what changes pipelines, stages, activity types, users and settings. */
    ADMIN,
    /** The platform administrator ({@code KARIZ_ADMIN_TOKEN}), on {@code /api/v1/admin/**}. */
    PLATFORM_ADMIN;

    public boolean allows(Identity caller) {
        return switch (this) {
            case ANY -> caller.role().isUserRole();
            case ADMIN -> caller.role() == Role.ADMIN;
            case PLATFORM_ADMIN -> caller.role() == Role.PLATFORM_ADMIN;
        };
    }
}
