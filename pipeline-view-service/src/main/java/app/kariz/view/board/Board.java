package app.kariz.view.board;

import app.kariz.view.card.DealCard;
import app.kariz.view.indicator.Indicator;

import java.util.List;
import java.util.Map;

/** A pipeline's open deals by stage, as the board shows them. */
public record Board(String pipelineId, String name, List<Column> stages) {

    /**
     * @param rottenAfterDays after how many untouched days an open deal on this stage is rotten; null: never
     * @param counts          how many open deals of the stage show each indicator, 0 included; they follow the
     *                        {@code ownerId} filter but not the {@code indicator} filter, so a filtered board
     *                        still shows what the other indicators hold; like everything on the board they count
     *                        only deals the viewer may see
     * @param count           how many open deals of the stage match every filter, {@code indicator} included
     * @param totalValue      the summed value of those deals, one exact decimal per currency (by currency code);
     *                        deals without a value add nothing
     * @param deals           the first of those deals in board order
     * @param nextCursor      where the stage's next page starts ({@code GET .../stages/{stageId}/deals?cursor=}),
     *                        null when {@code deals} holds them all
     */
    public record Column(String id, String name, int order, Integer rottenAfterDays, Map<Indicator, Integer> counts,
                         int count, List<DealCard.Amount> totalValue, List<DealCard> deals, String nextCursor) {
    }
}
