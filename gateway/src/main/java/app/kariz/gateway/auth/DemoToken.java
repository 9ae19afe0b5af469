package app.kariz.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The demo user's token in local mode: the configured one, else the one kept in the token file, else a new random
 * one, which is then written to the token file (readable by its owner only, where the file system can say so).
 *
 * @param origin where the token came from
 */
record DemoToken(String value, Origin origin) {

    public enum Origin { CONFIGURED, READ_FROM_FILE, GENERATED }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    public static DemoToken resolve(String configured, Path tokenFile) {
        if (configured != null && !configured.isBlank()) {
            return new DemoToken(configured.strip(), Origin.CONFIGURED);
        }
        try {
            Optional<String> kept = read(tokenFile);
            if (kept.isPresent()) {
                return new DemoToken(kept.get(), Origin.READ_FROM_FILE);
            }
            String generated = generate();
            write(tokenFile, generated);
            return new DemoToken(generated, Origin.GENERATED);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the demo token file " + tokenFile.toAbsolutePath()
                    + "; set KARIZ_DEMO_TOKEN or kariz.demo.token-file", e);
        }
    }

    /** 256 random bits, URL-safe Base64 without padding (43 characters). */
    static String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** Writes a temporary file beside the target and moves it into place, so no reader sees half a token. */
    private static void write(Path file, String token) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(directory, posix ? ownerOnly("rwx------") : new FileAttribute<?>[0]);
        Path temporary = Files.createTempFile(directory, ".demo-token", ".tmp",
                posix ? ownerOnly("rw-------") : new FileAttribute<?>[0]);
        try {
            Files.writeString(temporary, token + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }

    /** Never prints the token; see {@link AuthenticationConfiguration} for the one deliberate startup line. */
    @Override
    public String toString() {
        return "DemoToken[" + origin + "]";
    }
}
