package app.kariz.events.organization;

import app.kariz.events.KarizEvent;

import java.time.Instant;

/**
 * A platform administrator created an organisation, on topic {@code kariz.organizations.v1}, keyed by organisation.
 * The deal service answers it by giving the organisation its default {@code Sales} pipeline.
 *
 * @param timeZone the organisation's IANA zone, the default for users without one of their own
 * @param locale   {@code fa} or {@code en}
 */
public record OrganizationCreated(String organizationId, String name, String timeZone, String locale,
                                  Instant createdAt, String createdBy) implements KarizEvent {
}
