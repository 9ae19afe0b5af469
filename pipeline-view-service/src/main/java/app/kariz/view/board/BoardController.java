package app.kariz.view.board;

import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.access.Caller;
import app.kariz.view.card.BoardCursor;
import app.kariz.view.card.DealPage;
import app.kariz.view.card.IndicatorParameter;
import app.kariz.view.card.PageLimit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board and the further pages of one of its stages. {@code indicator} is a comma-separated list
 * ({@code NO_ACTIVITY,OVERDUE}); {@code limit} is per stage, default 50, at most 200.
 */
@RestController
class BoardController {

    private final Boards boards;

    public BoardController(Boards boards) {
        this.boards = boards;
    }

    @GetMapping("/api/v1/pipelines/{id}/board")
    public Board board(@PathVariable String id, @RequestParam(required = false) String ownerId,
                       @RequestParam(required = false) String indicator,
                       @RequestParam(required = false) String limit, Caller caller) {
        BoardFilter filter = new BoardFilter(ownerId, IndicatorParameter.parse(indicator), caller.onlyOwnUserId());
        int cards = PageLimit.parse(limit, Boards.DEFAULT_LIMIT, Boards.MAX_LIMIT);
        return boards.find(caller.organizationId(), id, filter, cards)
                .orElseThrow(() -> Boards.pipelineNotFound(id));
    }

    /** Give the same {@code ownerId} and {@code indicator} as the board (or page) the cursor came from. */
    @GetMapping("/api/v1/pipelines/{id}/stages/{stageId}/deals")
    public DealPage stageDeals(@PathVariable String id, @PathVariable String stageId,
                               @RequestParam(required = false) String ownerId,
                               @RequestParam(required = false) String indicator,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) String limit, Caller caller) {
        BoardFilter filter = new BoardFilter(ownerId, IndicatorParameter.parse(indicator), caller.onlyOwnUserId());
        int cards = PageLimit.parse(limit, Boards.DEFAULT_LIMIT, Boards.MAX_LIMIT);
        BoardCursor after = BoardCursor.parse(cursor);
        return boards.stageDeals(caller.organizationId(), id, stageId, filter, after, cards)
                .orElseThrow(() -> new NotFoundException("No stage with id " + stageId + " in pipeline " + id));
    }
}
