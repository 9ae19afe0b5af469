package app.kariz.view.deallist;

import app.kariz.kernel.access.Caller;
import app.kariz.view.card.DealPage;
import app.kariz.view.card.IndicatorParameter;
import app.kariz.view.card.PageLimit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/deals?status=&pipelineId=&ownerId=&indicator=&q=&cursor=&limit=}: deal cards newest first,
 * or in board order when {@code indicator} is given; {@code limit} default 50, at most 200. Pass the same filters
 * with a {@code cursor} as on the page it came from.
 */
@RestController
class DealListController {

    private final DealList deals;

    public DealListController(DealList deals) {
        this.deals = deals;
    }

    @GetMapping("/api/v1/deals")
    public DealPage deals(@RequestParam(required = false) String status,
                          @RequestParam(required = false) String pipelineId,
                          @RequestParam(required = false) String ownerId,
                          @RequestParam(required = false) String indicator,
                          @RequestParam(required = false) String q,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(required = false) String limit, Caller caller) {
        DealQuery query = new DealQuery(DealQuery.status(status), pipelineId, ownerId,
                IndicatorParameter.parse(indicator), q, caller.onlyOwnUserId());
        return deals.find(caller.organizationId(), query, cursor, PageLimit.parse(limit, DealList.DEFAULT_LIMIT,
                DealList.MAX_LIMIT));
    }
}
