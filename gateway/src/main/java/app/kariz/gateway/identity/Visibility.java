package app.kariz.gateway.identity;

/** Who sees what in an organisation; the services apply it (see docs/identity-and-tenancy.md). */
public enum Visibility {
    EVERYONE, OWNER_AND_MANAGERS
}
