package app.kariz.view.board;

import app.kariz.view.card.DealCard;
import app.kariz.view.card.Indicator;

import java.util.List;
import java.util.Map;

/** A pipeline's open deals by stage, as the board shows them. */
public record Board(String pipelineId, String name, List<Column> stages) {

    /**
     * @param rottenAfterDays after how many untouched days an open deal on this stage is rotten; null: never
     * @param counts          how many deals of the stage show each indicator; every indicator is present, 0 included
     * @param deals           the stage's open deals in board order
     */
    public record Column(String id, String name, int order, Integer rottenAfterDays, Map<Indicator, Integer> counts,
                         List<DealCard> deals) {
    }
}
