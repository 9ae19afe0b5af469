package app.kariz.deal.command;

import app.kariz.events.deal.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal as the write side knows it right after a command; the indicator and activities are on the card the
 * pipeline view serves. {@code version} is the sequence number of the deal's latest event.
 */
public record DealDetails(String id, String title, String pipelineId, String stageId, DealStatus status, Money value,
                          String ownerId, String personName, String organizationName,
                          LocalDate expectedCloseDate, Instant createdAt, Instant stageEnteredAt, Instant wonAt,
                          Instant lostAt, String lostReason, long version) {
}
