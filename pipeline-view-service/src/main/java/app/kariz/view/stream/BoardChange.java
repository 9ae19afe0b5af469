package app.kariz.view.stream;

/**
 * One change recorded in the {@link BoardChangeLog}: a deal card was written, or a pipeline itself changed.
 *
 * @param seq         its place in the one order of all changes
 * @param dealId      the card written; null for a change of the pipeline itself
 * @param pipelineId  for a card: the pipeline whose board the card left with this change (moved elsewhere,
 *                    deleted), else null; for a pipeline change: that pipeline
 * @param leftOwnerId for a card: the owner this change took it from (handed to someone else, deleted), so viewers
 *                    who see only their own deals are told it is gone; else null
 */
public record BoardChange(long seq, String organizationId, String dealId, String pipelineId, String leftOwnerId) {

    public static BoardChange ofCard(long seq, String organizationId, String dealId, String leftPipelineId) {
        return ofCard(seq, organizationId, dealId, leftPipelineId, null);
    }

    public static BoardChange ofCard(long seq, String organizationId, String dealId, String leftPipelineId,
                                     String leftOwnerId) {
        return new BoardChange(seq, organizationId, dealId, leftPipelineId, leftOwnerId);
    }

    public static BoardChange ofPipeline(long seq, String organizationId, String pipelineId) {
        return new BoardChange(seq, organizationId, null, pipelineId, null);
    }

    public boolean isCardChange() {
        return dealId != null;
    }
}
