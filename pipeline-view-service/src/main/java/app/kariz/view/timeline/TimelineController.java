package app.kariz.view.timeline;

import app.kariz.support.web.Caller;
import app.kariz.view.card.DealCards;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TimelineController {

    private final Timelines timelines;

    public TimelineController(Timelines timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/api/v1/deals/{id}/timeline")
    public Timeline timeline(@PathVariable String id, Caller caller) {
        return timelines.find(caller.organizationId(), id).orElseThrow(() -> DealCards.notFound(id));
    }
}
