package app.kariz.contract.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Version 1 of the identity header signature (docs/identity-and-tenancy.md): {@code v1=} and the unpadded base64url
 * HMAC-SHA256, keyed with the UTF-8 bytes of the shared secret, of the canonical form: the version, the method in
 * upper case, the raw path (still percent-encoded, without the query) and the {@link IdentityHeaders#SIGNED}
 * headers as sent, one per line, an absent header as the empty line. Binding method, path and time keeps a logged
 * header set from being replayed on another request or later.
 *
 * <p>The gateway signs the headers it sets, a service signs the headers it received and compares: both read the
 * header values through the same function, so what is signed is byte for byte what travels.
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

    /**
     * @param headers the request's header values by name; null for an absent header
     * @return the {@link IdentityHeaders#SIGNATURE} value the headers must carry
     */
    public String sign(String method, String rawPath, Function<String, String> headers) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(canonical(method, rawPath, headers).getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has HmacSHA256", e);
        }
    }

    /** The string the MAC is taken of. */
    public static String canonical(String method, String rawPath, Function<String, String> headers) {
        List<String> lines = new ArrayList<>(List.of(VERSION, method.toUpperCase(Locale.ROOT), rawPath));
        for (String name : IdentityHeaders.SIGNED) {
            String value = headers.apply(name);
            lines.add(value == null ? "" : value);
        }
        return String.join("\n", lines);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "IdentitySignature[" + VERSION + "]";
    }
}
