package app.kariz.gateway.auth;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Who a request comes from, as the services see it (the {@code Kariz-Organization-Id}, {@code Kariz-User-Id} and
 * {@code Kariz-Time-Zone} headers). Roles can join here when the API needs them.
 *
 * @param timeZone the user's own zone, the default for what they schedule
 */
public record Identity(String organizationId, String userId, ZoneId timeZone) {

    public static final String ORGANIZATION_HEADER = "Kariz-Organization-Id";
    public static final String USER_HEADER = "Kariz-User-Id";
    public static final String TIME_ZONE_HEADER = "Kariz-Time-Zone";

    public Identity {
        Objects.requireNonNull(timeZone, "timeZone");
        if (organizationId == null || organizationId.isBlank() || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("An identity needs an organization id and a user id");
        }
    }
}
