package app.kariz.support.web;

import java.time.ZoneId;

/**
 * Who sent a request, as established by the gateway (which alone checks credentials and sets these headers).
 *
 * @param timeZone the caller's own zone, the default for what they schedule
 */
public record Caller(String organizationId, String userId, ZoneId timeZone) {

    public static final String ORGANIZATION_HEADER = "Kariz-Organization-Id";
    public static final String USER_HEADER = "Kariz-User-Id";
    public static final String TIME_ZONE_HEADER = "Kariz-Time-Zone";
}
