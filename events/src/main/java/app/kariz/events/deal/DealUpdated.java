package app.kariz.events.deal;

import java.time.Instant;
import java.util.List;

/**
 * A deal's fields were edited. {@code from} and {@code to} are all editable fields before and after;
 * {@code changed} names the ones that differ, as in {@link DealFields} ({@code title}, {@code value}, …).
 */
public record DealUpdated(String organizationId, String dealId, DealFields from, DealFields to,
                          List<String> changed, Instant updatedAt, String updatedBy) implements DealEvent {
}
