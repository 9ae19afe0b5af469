package app.kariz.view.timeline;

import app.kariz.kernel.access.Caller;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.PageLimit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineController {

    private final Timelines timelines;

    public TimelineController(Timelines timelines) {
        this.timelines = timelines;
    }

    /**
     * {@code limit}: history entries per page, default 100, at most 500; {@code cursor}: a page's nextCursor. A deal
     * the viewer may not see has no timeline for them (404, as an unknown deal); one they may see shows its whole
     * history, whoever did what.
     */
    @GetMapping("/api/v1/deals/{id}/timeline")
    public Timeline timeline(@PathVariable String id, @RequestParam(required = false) String limit,
                             @RequestParam(required = false) String cursor, Caller caller) {
        int entries = PageLimit.parse(limit, Timelines.DEFAULT_LIMIT, Timelines.MAX_LIMIT);
        return timelines.find(caller.organizationId(), id, entries, cursor, caller.onlyOwnUserId())
                .orElseThrow(() -> DealCards.notFound(id));
    }
}
