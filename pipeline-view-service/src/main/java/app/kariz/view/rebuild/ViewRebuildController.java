package app.kariz.view.rebuild;

import app.kariz.support.web.NotFoundException;
import app.kariz.support.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * {@code POST /api/v1/admin/view-rebuilds} starts a rebuild of the view from the event topics ({@code 202}, the
 * rebuild runs on); {@code GET /api/v1/admin/view-rebuilds/{id}} tells how it went. For the platform
 * administrator only: the gateway names the caller's role in {@code Kariz-User-Role}.
 */
@RestController
@RequestMapping("/api/v1/admin/view-rebuilds")
@ConditionalOnProperty(name = "kariz.view.consumer.enabled", havingValue = "true", matchIfMissing = true)
public class ViewRebuildController {

    static final String ROLE_HEADER = "Kariz-User-Role";
    static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private final ViewRebuilds rebuilds;

    public ViewRebuildController(ViewRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    public ResponseEntity<RebuildStatus> start(@RequestHeader(name = ROLE_HEADER, required = false) String role) {
        requirePlatformAdmin(role);
        RebuildStatus started = rebuilds.rebuild();
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/view-rebuilds/" + started.id()))
                .body(started);
    }

    @GetMapping("/{id}")
    public RebuildStatus status(@PathVariable String id,
                                @RequestHeader(name = ROLE_HEADER, required = false) String role) {
        requirePlatformAdmin(role);
        return rebuilds.find(id).orElseThrow(() -> new NotFoundException("No view rebuild with id " + id));
    }

    @ExceptionHandler(ViewRebuilds.RebuildRunningException.class)
    public ResponseEntity<ProblemDetail> running(ViewRebuilds.RebuildRunningException e) {
        return Problems.of(HttpStatus.CONFLICT, "rebuild-running", "A rebuild is running", e.getMessage());
    }

    @ExceptionHandler(NotPlatformAdminException.class)
    public ResponseEntity<ProblemDetail> forbidden(NotPlatformAdminException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    /** Read here rather than through the shared caller resolution, which is about to learn roles itself. */
    private static void requirePlatformAdmin(String role) {
        if (!PLATFORM_ADMIN.equals(role)) {
            throw new NotPlatformAdminException();
        }
    }

    static final class NotPlatformAdminException extends RuntimeException {
        NotPlatformAdminException() {
            super("Only the platform administrator may rebuild the view");
        }
    }
}
