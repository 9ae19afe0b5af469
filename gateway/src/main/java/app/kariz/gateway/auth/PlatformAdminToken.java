package app.kariz.gateway.auth;

import app.kariz.gateway.identity.ApiTokens;

import java.security.MessageDigest;

/**
 * The platform administrator's token ({@code KARIZ_ADMIN_TOKEN}), if one is configured. It is compared as a
 * digest, so the time taken depends neither on the token's content nor on its length.
 */
class PlatformAdminToken {

    private final byte[] digest;

    /** @param token null or blank: there is no platform administrator */
    public PlatformAdminToken(String token) {
        this.digest = token == null || token.isBlank() ? null : ApiTokens.sha256(token.strip());
    }

    public boolean enabled() {
        return digest != null;
    }

    public boolean matches(String bearerToken) {
        return digest != null && MessageDigest.isEqual(digest, ApiTokens.sha256(bearerToken));
    }

    @Override
    public String toString() {
        return "PlatformAdminToken[" + (enabled() ? "configured" : "none") + "]";
    }
}
