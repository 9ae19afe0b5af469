package app.kariz.view.activity;

import app.kariz.kernel.access.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ActivityController {

    private final Activities activities;

    public ActivityController(Activities activities) {
        this.activities = activities;
    }

    /**
     * Another organisation's activity, one whose deal was deleted, and for a restricted viewer one assigned to
     * someone else, answers exactly like an unknown one. The {@code ETag} is the activity's version, {@code "3"},
     * set directly for the same reason as the deal card's: the state changes with the clock while the version
     * stays.
     */
    @GetMapping("/api/v1/activities/{id}")
    public Activity activity(@PathVariable String id, Caller caller, HttpServletResponse response) {
        Activity activity = activities.find(caller.organizationId(), id)
                .filter(found -> caller.sees(found.assigneeId()))
                .orElseThrow(() -> Activities.notFound(id));
        response.setHeader(HttpHeaders.ETAG, "\"" + activity.version() + "\"");
        return activity;
    }
}
