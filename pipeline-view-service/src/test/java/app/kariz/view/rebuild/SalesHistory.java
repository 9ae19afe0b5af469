package app.kariz.view.rebuild;

import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.Money;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.view.DealStory;
import app.kariz.view.PipelineStory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one organisation's sales as the command services would publish them, in the order they reach
 * the topics, including what Kafka and the publishers really do: some records twice (at-least-once), and one
 * event that reached the topic only later, republished with its successors after a gap was seen (a gap that
 * heals), and one that never did (a gap that stays open, its successor parked). Every kind of deal, activity and
 * pipeline change appears, and some deals are deleted.
 */
final class SalesHistory {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private static final Due TODAY = new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("10:30"), "Asia/Tehran");
    private static final Due LATER = new Due(LocalDate.parse("2026-12-03"), null, "Asia/Tehran");
    private static final Due PAST = new Due(LocalDate.parse("2026-11-20"), LocalTime.parse("09:00"), "Europe/London");

    private final List<ConsumedEvent> records = new ArrayList<>();

    /** The records to publish, in order. */
    static List<ConsumedEvent> of(String organizationId, int deals) {
        SalesHistory history = new SalesHistory();
        history.write(organizationId, deals);
        return history.records;
    }

    private void write(String org, int deals) {
        String pipelineId = org + "-sales";
        PipelineStory pipeline = new PipelineStory(org, pipelineId);
        publish(pipeline.created("فروش", List.of(new PipelineStage("lead", "سرنخ", 0, null),
                new PipelineStage("meeting", "Meeting", 1, 7), new PipelineStage("proposal", "Proposal", 2, null))));
        publish(pipeline.stageAdded("negotiation", "Negotiation", 3, 2));
        publish(pipeline.renamed("Sales"));
        PipelineStory other = new PipelineStory(org, org + "-renewals");
        publish(other.created("Renewals", List.of(new PipelineStage("due", "Due", 0, null))));
        for (int i = 0; i < deals; i++) {
            deal(org, pipelineId, org + "-deal-" + i, i, org + "-renewals");
        }
        publish(pipeline.reordered(List.of("lead", "negotiation", "meeting", "proposal")));
        publish(pipeline.stageUpdated("meeting", "جلسه", null));
        publish(other.stageAdded("spare", "Spare", null, 1));
        publish(other.stageRemoved("spare", null));
        PipelineStory gone = new PipelineStory(org, org + "-gone");
        publish(gone.created("Gone", List.of(new PipelineStage("x", "X", 0, null))));
        publish(gone.deleted());
        gaps(org, pipelineId);
    }

    private void deal(String org, String pipelineId, String dealId, int i, String otherPipelineId) {
        DealStory deal = new DealStory(org, dealId);
        Instant at = T0.plusSeconds(i * 60L);
        publish(deal.opened("Deal " + i + " — قرارداد", pipelineId, "lead", at));
        String call = dealId + "-call";
        publish(deal.scheduled(call, "call", "Call " + i, i % 2 == 0 ? TODAY : PAST, at.plusSeconds(1)));
        if (i % 3 == 0) {
            publish(deal.completed(call, "Spoke to them", at.plusSeconds(2)));
            publish(deal.scheduled(dealId + "-meeting", "meeting", "Meeting " + i, LATER, "Office",
                    at.plusSeconds(3)));
        }
        if (i % 4 == 1) {
            publish(deal.postponed(call, LATER, "Busy", at.plusSeconds(4)));
        }
        if (i % 5 == 2) {
            publish(deal.moved("meeting", at.plusSeconds(5)));
            publish(deal.rescheduled(call, TODAY, at.plusSeconds(6)));
        }
        if (i % 6 == 3) {
            DealFields fields = deal.fields();
            publish(deal.updated(new DealFields("Deal " + i + " (renewed)", new Money(new BigDecimal("2400.00"),
                    "IRR"), "owner-2", fields.personName(), null, fields.expectedCloseDate()), at.plusSeconds(7)));
            publish(deal.activityUpdated(call, new ActivityFields("meeting", "Visit " + i, 45, "assignee-2", null,
                    "Tehran"), at.plusSeconds(8)));
        }
        if (i % 7 == 4) {
            publish(deal.lost("No budget", at.plusSeconds(9)));
            publish(deal.reopened(at.plusSeconds(10)));
        }
        if (i % 8 == 5) {
            publish(deal.completed(call, "Done", at.plusSeconds(11)));
            publish(deal.activityReopened(call, at.plusSeconds(12)));
            publish(deal.cancelled(call, "BY_USER", at.plusSeconds(13)));
        }
        if (i % 9 == 6) {
            publish(deal.movedTo(otherPipelineId, "due", at.plusSeconds(14)));
        }
        if (i % 10 == 7) {
            publish(deal.won(at.plusSeconds(15)));
        }
        if (i % 11 == 8) {
            publish(deal.deleted(at.plusSeconds(16)));
            publish(deal.cancelled(call, "DEAL_DELETED", at.plusSeconds(17)));
        }
    }

    /** One stream that heals (its missing event comes later, republished) and one that stays open. */
    private void gaps(String org, String pipelineId) {
        DealStory healed = new DealStory(org, org + "-healed");
        ConsumedEvent opened = healed.opened("Healed", pipelineId, "lead", T0);
        ConsumedEvent moved = healed.moved("meeting", T0.plusSeconds(1));
        ConsumedEvent won = healed.won(T0.plusSeconds(2));
        publish(opened);
        publish(won);
        // The relay skipped the move; asked again, the deal service republishes the stream from there.
        publish(moved);
        publish(won);
        DealStory open = new DealStory(org, org + "-open-gap");
        publish(open.opened("Open gap", pipelineId, "lead", T0));
        open.moved("meeting", T0.plusSeconds(1));
        publish(open.lost("Too late", T0.plusSeconds(2)));
    }

    /** Every seventh record reaches the topic twice, as at-least-once delivery allows. */
    private void publish(ConsumedEvent event) {
        records.add(event);
        if (records.size() % 7 == 0) {
            records.add(event);
        }
    }
}
