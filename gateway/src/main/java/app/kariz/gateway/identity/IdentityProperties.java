package app.kariz.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code kariz.identity.*}; the documented defaults live in {@code gateway.properties}.
 *
 * @param secret             key of the identity header signatures ({@code KARIZ_INTERNAL_SECRET}), shared with the
 *                           services; required
 * @param adminToken         the platform administrator's bearer token ({@code KARIZ_ADMIN_TOKEN}); blank: the
 *                           {@code /api/v1/admin/**} endpoints do not exist
 * @param outboxSweepInterval how often organisations whose creation event is still unpublished are published again
 */
@ConfigurationProperties("kariz.identity")
public record IdentityProperties(String secret,
                                 String adminToken,
                                 @DefaultValue("10s") Duration outboxSweepInterval) {

    public IdentityProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("kariz.identity.secret (KARIZ_INTERNAL_SECRET) must be set: the "
                    + "services accept only identity headers signed with it");
        }
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.strip();
    }

    public boolean platformAdminEnabled() {
        return adminToken != null;
    }

    @Override
    public String toString() {
        return "IdentityProperties[secret=***, adminToken=" + (adminToken == null ? "none" : "***")
                + ", outboxSweepInterval=" + outboxSweepInterval + "]";
    }
}
