package app.kariz.gateway.identity;

import app.kariz.contract.identity.Visibility;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A tenant: everything in Kariz belongs to exactly one organisation.
 *
 * @param timeZone the default zone of its users who have none of their own
 * @param locale   {@code fa} or {@code en}
 */
public record Organization(String id, String name, ZoneId timeZone, String locale, Visibility visibility,
                           Instant createdAt) {
}
