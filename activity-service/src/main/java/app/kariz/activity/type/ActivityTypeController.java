package app.kariz.activity.type;

import app.kariz.support.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
public class ActivityTypeController {

    private final ActivityTypes types;

    public ActivityTypeController(ActivityTypes types) {
        this.types = types;
    }

    @GetMapping("/api/v1/activity-types")
    public List<ActivityType> activityTypes(Caller caller) {
        return types.all(caller.organizationId());
    }
}
