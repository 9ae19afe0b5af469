package app.kariz.contract.identity;

import java.util.List;

/**
 * The headers the gateway sets on every request it forwards for an authenticated caller, and strips from what the
 * client sent. A service trusts them only with a valid {@link #SIGNATURE}.
 */
public final class IdentityHeaders {

    public static final String ORGANIZATION = "Kariz-Organization-Id";
    public static final String USER = "Kariz-User-Id";
    public static final String ROLE = "Kariz-User-Role";
    public static final String VISIBILITY = "Kariz-Visibility";
    public static final String TIME_ZONE = "Kariz-Time-Zone";
    /** Epoch seconds at which the gateway signed; bounds how long a logged header set could be replayed. */
    public static final String ISSUED_AT = "Kariz-Identity-Issued-At";
    public static final String SIGNATURE = "Kariz-Identity-Signature";

    /** The headers the signature covers, in the order of its canonical form. */
    public static final List<String> SIGNED = List.of(ORGANIZATION, USER, ROLE, VISIBILITY, TIME_ZONE, ISSUED_AT);
    /** Every identity header, signature included: what the gateway removes from a client's request. */
    public static final List<String> ALL = List.of(ORGANIZATION, USER, ROLE, VISIBILITY, TIME_ZONE, ISSUED_AT,
            SIGNATURE);

    /** The user id of the operator holding the platform admin token, who belongs to no organisation. */
    public static final String PLATFORM_ADMIN_USER_ID = "platform-admin";

    private IdentityHeaders() {
    }
}
