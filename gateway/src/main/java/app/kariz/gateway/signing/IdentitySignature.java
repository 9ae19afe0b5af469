package app.kariz.gateway.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Version 1 of the identity header signature (docs/identity-and-tenancy.md): HMAC-SHA256, keyed with the UTF-8
 * bytes of the shared secret, over the UTF-8 canonical string of method, raw path and the identity headers, each on
 * its own line; written as {@code v1=} and the URL-safe Base64 of the MAC without padding.
 */
public final class IdentitySignature {

    public static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public IdentitySignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The identity signature needs a secret");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The fields of one signed request; an absent header is null (and signed as the empty string). */
    public record Signed(String method, String rawPath, String organizationId, String userId, String role,
                         String visibility, String timeZone, long issuedAt) {

        public String canonical() {
            return String.join("\n", VERSION, method, rawPath, orEmpty(organizationId), orEmpty(userId),
                    orEmpty(role), orEmpty(visibility), orEmpty(timeZone), Long.toString(issuedAt));
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    public String sign(Signed fields) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(fields.canonical().getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has HmacSHA256", e);
        }
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "IdentitySignature[" + VERSION + "]";
    }
}
