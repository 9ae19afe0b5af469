package app.kariz.view.card;

import app.kariz.view.indicator.Indicator;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal as the board and the deal page show it (the public API's deal card). {@code indicator} is null for a
 * won or lost deal, {@code nextActivity} null when no activity is open, {@code value} null when not given.
 *
 * @param version     the sequence number of the last deal event applied (activities leave it alone); the deal
 *                    endpoint also answers it as the {@code ETag}, for the deal service's {@code If-Match}
 * @param rotten      whether the open deal has been left untouched longer than its stage allows
 * @param rottenSince since when it is rotten; null when it is not
 */
public record DealCard(String id, String title, String pipelineId, String stageId, DealStatus status,
                       Indicator indicator, NextActivity nextActivity, int openActivityCount,
                       int doneActivityCount, Amount value, String ownerId, Instant createdAt, String personName,
                       String organizationName, LocalDate expectedCloseDate, Instant stageEnteredAt,
                       Instant wonAt, Instant lostAt, String lostReason, long version, boolean rotten,
                       Instant rottenSince) {

    /** @param amount a decimal string such as "1200.00", never a JSON number, so no client rounds it */
    public record Amount(String amount, String currency) {
    }
}
