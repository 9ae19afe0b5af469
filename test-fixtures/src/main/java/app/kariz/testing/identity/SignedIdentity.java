package app.kariz.testing.identity;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.contract.identity.IdentitySignature;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The identity headers the gateway sends, for tests of a service: unsigned, or signed as the gateway signs. */
public final class SignedIdentity {

    private SignedIdentity() {
    }

    /** The caller's headers, those given as null left out (as for the platform admin), without a signature. */
    public static Map<String, String> identity(String organizationId, String userId, String role, String visibility,
                                               String timeZone) {
        Map<String, String> headers = new HashMap<>();
        putIfPresent(headers, IdentityHeaders.ORGANIZATION, organizationId);
        putIfPresent(headers, IdentityHeaders.USER, userId);
        putIfPresent(headers, IdentityHeaders.ROLE, role);
        putIfPresent(headers, IdentityHeaders.VISIBILITY, visibility);
        putIfPresent(headers, IdentityHeaders.TIME_ZONE, timeZone);
        return headers;
    }

    /** {@code identity} issued at {@code issuedAt} and signed with {@code secret} for {@code method path}. */
    public static Map<String, String> signed(String secret, String method, String path, Map<String, String> identity,
                                             Instant issuedAt) {
        Map<String, String> headers = new HashMap<>(identity);
        headers.put(IdentityHeaders.ISSUED_AT, Long.toString(issuedAt.getEpochSecond()));
        headers.put(IdentityHeaders.SIGNATURE, new IdentitySignature(secret).sign(method, path, headers::get));
        return headers;
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
