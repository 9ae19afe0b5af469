package app.kariz.view.rebuild;

import app.kariz.kernel.NotFoundException;
import app.kariz.support.web.PlatformAdmin;
import app.kariz.support.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * {@code POST /api/v1/admin/view-rebuilds} starts a rebuild of the view from the event topics ({@code 202}, the
 * rebuild runs on); {@code GET /api/v1/admin/view-rebuilds/{id}} tells how it went. For the platform
 * administrator only ({@link PlatformAdmin}: the gateway's signed identity says so).
 */
@RestController
@RequestMapping("/api/v1/admin/view-rebuilds")
@ConditionalOnProperty(name = "kariz.view.consumer.enabled", havingValue = "true", matchIfMissing = true)
class ViewRebuildController {

    private final ViewRebuilds rebuilds;

    public ViewRebuildController(ViewRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    public ResponseEntity<RebuildStatus> start(PlatformAdmin admin) {
        RebuildStatus started = rebuilds.rebuild();
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/view-rebuilds/" + started.id()))
                .body(started);
    }

    @GetMapping("/{id}")
    public RebuildStatus status(@PathVariable String id, PlatformAdmin admin) {
        return rebuilds.find(id).orElseThrow(() -> new NotFoundException("No view rebuild with id " + id));
    }

    @ExceptionHandler(ViewRebuilds.RebuildRunningException.class)
    public ResponseEntity<ProblemDetail> running(ViewRebuilds.RebuildRunningException e) {
        return Problems.of(HttpStatus.CONFLICT, "rebuild-running", "A rebuild is running", e.getMessage());
    }
}
