package app.kariz.deal.command;

import app.kariz.events.deal.Money;
import app.kariz.kernel.Change;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What can be asked of a deal. Each command names the organisation it is made in and who makes it, when. Writes
 * on an existing deal carry the version the client expects ({@link ExpectedVersion#ANY} without If-Match).
 * <p>
 * {@code onlyOwnedBy} is null when the caller may act on any deal of the organisation, else the one owner whose
 * deals it may act on (a restricted member, see docs/identity-and-tenancy.md). The constructors without it are for
 * callers that act for the whole organisation: the service itself, and tests.
 */
public final class DealCommands {

    private DealCommands() {
    }

    public record OpenDeal(String dealId, String organizationId, String onlyOwnedBy, String pipelineId,
                           String stageId, String title, Money value, String ownerId, String personName,
                           String organizationName, LocalDate expectedCloseDate, Instant at, String by) {

        public OpenDeal(String dealId, String organizationId, String pipelineId, String stageId, String title,
                        Money value, String ownerId, String personName, String organizationName,
                        LocalDate expectedCloseDate, Instant at, String by) {
            this(dealId, organizationId, null, pipelineId, stageId, title, value, ownerId, personName,
                    organizationName, expectedCloseDate, at, by);
        }
    }

    /** Each field is kept unless changed; {@code Change.to(null)} clears an optional field. */
    public record UpdateDeal(@TargetAggregateIdentifier String dealId, String organizationId, String onlyOwnedBy,
                             ExpectedVersion expectedVersion, Change<String> title, Change<Money> value,
                             Change<String> ownerId, Change<String> personName, Change<String> organizationName,
                             Change<LocalDate> expectedCloseDate, Instant at, String by) {

        public UpdateDeal {
            expectedVersion = ExpectedVersion.orAny(expectedVersion);
            title = Change.orKeep(title);
            value = Change.orKeep(value);
            ownerId = Change.orKeep(ownerId);
            personName = Change.orKeep(personName);
            organizationName = Change.orKeep(organizationName);
            expectedCloseDate = Change.orKeep(expectedCloseDate);
        }

        public UpdateDeal(String dealId, String organizationId, ExpectedVersion expectedVersion, Change<String> title,
                          Change<Money> value, Change<String> ownerId, Change<String> personName,
                          Change<String> organizationName, Change<LocalDate> expectedCloseDate, Instant at,
                          String by) {
            this(dealId, organizationId, null, expectedVersion, title, value, ownerId, personName, organizationName,
                    expectedCloseDate, at, by);
        }
    }

    /**
     * {@code stagePipelineId} is the pipeline the target stage belongs to, looked up by the caller; it may be
     * another pipeline of the organisation than the deal's.
     */
    public record MoveDeal(@TargetAggregateIdentifier String dealId, String organizationId, String onlyOwnedBy,
                           ExpectedVersion expectedVersion, String stageId, String stagePipelineId, Instant at,
                           String by) {

        public MoveDeal {
            expectedVersion = ExpectedVersion.orAny(expectedVersion);
        }

        public MoveDeal(String dealId, String organizationId, ExpectedVersion expectedVersion, String stageId,
                        String stagePipelineId, Instant at, String by) {
            this(dealId, organizationId, null, expectedVersion, stageId, stagePipelineId, at, by);
        }
    }

    /**
     * Takes a deal, whatever its status, off a stage that is being removed. A deal no longer on
     * {@code fromStageId} (moved meanwhile) is left where it is.
     */
    public record RelocateDeal(@TargetAggregateIdentifier String dealId, String organizationId, String fromStageId,
                               String toPipelineId, String toStageId, Instant at, String by) {
    }

    public record WinDeal(@TargetAggregateIdentifier String dealId, String organizationId, String onlyOwnedBy,
                          ExpectedVersion expectedVersion, Instant at, String by) {

        public WinDeal {
            expectedVersion = ExpectedVersion.orAny(expectedVersion);
        }

        public WinDeal(String dealId, String organizationId, ExpectedVersion expectedVersion, Instant at, String by) {
            this(dealId, organizationId, null, expectedVersion, at, by);
        }
    }

    public record LoseDeal(@TargetAggregateIdentifier String dealId, String organizationId, String onlyOwnedBy,
                           ExpectedVersion expectedVersion, String reason, Instant at, String by) {

        public LoseDeal {
            expectedVersion = ExpectedVersion.orAny(expectedVersion);
        }

        public LoseDeal(String dealId, String organizationId, ExpectedVersion expectedVersion, String reason,
                        Instant at, String by) {
            this(dealId, organizationId, null, expectedVersion, reason, at, by);
        }
    }

    public record ReopenDeal(@TargetAggregateIdentifier String dealId, String organizationId, String onlyOwnedBy,
                             ExpectedVersion expectedVersion, Instant at, String by) {

        public ReopenDeal {
            expectedVersion = ExpectedVersion.orAny(expectedVersion);
        }

        public ReopenDeal(String dealId, String organizationId, ExpectedVersion expectedVersion, Instant at,
                          String by) {
            this(dealId, organizationId, null, expectedVersion, at, by);
        }
    }

    public record DeleteDeal(@TargetAggregateIdentifier String dealId, String organizationId, String onlyOwnedBy,
                             ExpectedVersion expectedVersion, Instant at, String by) {

        public DeleteDeal {
            expectedVersion = ExpectedVersion.orAny(expectedVersion);
        }

        public DeleteDeal(String dealId, String organizationId, ExpectedVersion expectedVersion, Instant at,
                          String by) {
            this(dealId, organizationId, null, expectedVersion, at, by);
        }
    }
}
