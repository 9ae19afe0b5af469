package app.kariz.support.consume;

import app.kariz.events.KarizEvent;

/**
 * The payload of an event whose {@code ce_type} this consumer does not know (a newer producer added it). It is
 * still delivered, so that its aggregate's position moves on: otherwise the next known event of the aggregate
 * would look like one after a gap. Handlers that look only for the types they know pass it by.
 *
 * @param ceType the type as the record named it
 */
public record UnknownEvent(String ceType, String organizationId) implements KarizEvent {
}
