package app.kariz.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API tokens: 256 random bits, URL-safe Base64 without padding, shown once. Only the SHA-256 digest is stored and
 * looked up: with that much randomness a fast hash cannot be reversed by guessing, and a slow password hash would
 * only cost every request.
 */
public final class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private ApiTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token: its SHA-256 digest, URL-safe Base64 without padding. */
    public static String hash(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(token));
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
