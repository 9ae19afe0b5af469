package app.kariz.view.stream;

/**
 * One change recorded in the {@link BoardChangeLog}: a deal card was written, or a pipeline itself changed.
 *
 * @param seq        its place in the one order of all changes
 * @param dealId     the card written; null for a change of the pipeline itself
 * @param pipelineId for a card: the pipeline whose board the card left with this change (moved elsewhere,
 *                   deleted), else null; for a pipeline change: that pipeline
 */
public record BoardChange(long seq, String organizationId, String dealId, String pipelineId) {

    public static BoardChange ofCard(long seq, String organizationId, String dealId, String leftPipelineId) {
        return new BoardChange(seq, organizationId, dealId, leftPipelineId);
    }

    public static BoardChange ofPipeline(long seq, String organizationId, String pipelineId) {
        return new BoardChange(seq, organizationId, null, pipelineId);
    }

    public boolean isCardChange() {
        return dealId != null;
    }
}
