package app.kariz.deal.command;

import app.kariz.events.deal.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** What can be asked of a deal. Each command names the organisation it is made in and who makes it, when. */
public final class DealCommands {

    private DealCommands() {
    }

    public record OpenDeal(String dealId, String organizationId, String pipelineId, String stageId, String title,
                           Money value, String ownerId, String personName, String organizationName,
                           LocalDate expectedCloseDate, Instant at, String by) {
    }

    /** {@code stagePipelineId} is the pipeline the target stage belongs to, looked up by the caller. */
    public record MoveDeal(@TargetAggregateIdentifier String dealId, String organizationId, String stageId,
                           String stagePipelineId, Instant at, String by) {
    }

    public record WinDeal(@TargetAggregateIdentifier String dealId, String organizationId, Instant at, String by) {
    }

    public record LoseDeal(@TargetAggregateIdentifier String dealId, String organizationId, String reason,
                           Instant at, String by) {
    }

    public record ReopenDeal(@TargetAggregateIdentifier String dealId, String organizationId, Instant at,
                             String by) {
    }
}
