package app.kariz.support.web;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;

/**
 * The gateway's signature over the identity headers it sets (docs/identity-and-tenancy.md): {@code v1=} and the
 * unpadded base64url HMAC-SHA256, keyed with {@code kariz.identity.secret}, of the method, the raw path, the identity
 * headers and the time of issue, one per line. Binding method, path and time keeps a logged header set from being
 * replayed on another request or later.
 */
public final class IdentitySignature {

    public static final String ISSUED_AT_HEADER = "Kariz-Identity-Issued-At";
    public static final String SIGNATURE_HEADER = "Kariz-Identity-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1";

    private final SecretKeySpec key;

    public IdentitySignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The identity secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * @param rawPath the path as sent on the wire (still percent-encoded), without the query string
     * @param headers the request's header values by name; null for an absent header
     * @return the {@code Kariz-Identity-Signature} value the headers must carry
     */
    public String sign(String method, String rawPath, Function<String, String> headers) {
        String canonical = String.join("\n", VERSION, method.toUpperCase(Locale.ROOT), rawPath,
                valueOf(headers, Caller.ORGANIZATION_HEADER), valueOf(headers, Caller.USER_HEADER),
                valueOf(headers, Caller.ROLE_HEADER), valueOf(headers, Caller.VISIBILITY_HEADER),
                valueOf(headers, Caller.TIME_ZONE_HEADER), valueOf(headers, ISSUED_AT_HEADER));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String valueOf(Function<String, String> headers, String name) {
        String value = headers.apply(name);
        return value == null ? "" : value;
    }
}
