package app.kariz.view.stream;

import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.access.Caller;
import app.kariz.support.web.Problems;
import app.kariz.view.pipeline.Pipelines;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/stream?pipelineId=}: the board's changes as Server-Sent Events. See {@link BoardStreams}.
 * {@code Last-Event-ID} (which browsers send by themselves on reconnecting) resumes after that event; the
 * {@code lastEventId} parameter does the same for a client that opens a new connection. A viewer who sees only
 * their own deals gets only their own cards, and a removal for a card handed to someone else.
 */
@RestController
class StreamController {

    private final BoardStreams streams;
    private final Pipelines pipelines;

    public StreamController(BoardStreams streams, Pipelines pipelines) {
        this.streams = streams;
        this.pipelines = pipelines;
    }

    @GetMapping("/api/v1/stream")
    public ResponseEntity<SseEmitter> stream(@RequestParam(required = false) String pipelineId,
                                             @RequestParam(required = false) String lastEventId,
                                             @RequestHeader(name = "Last-Event-ID", required = false)
                                             String lastEventIdHeader,
                                             Caller caller) {
        if (pipelineId == null || pipelineId.isBlank()) {
            throw new InvalidInputException("pipelineId", "is required: the stream is of one pipeline's board");
        }
        if (pipelines.find(caller.organizationId(), pipelineId).isEmpty()) {
            throw new NotFoundException("No pipeline with id " + pipelineId + " exists");
        }
        String resumeAfter = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader
                : lastEventId;
        SseEmitter emitter = streams.subscribe(caller.organizationId(), pipelineId, caller.onlyOwnUserId(),
                resumeAfter);
        // No caching, and no buffering by a proxy (nginx honours X-Accel-Buffering).
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    @ExceptionHandler(TooManyStreamsException.class)
    public ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException e) {
        ResponseEntity<ProblemDetail> problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams",
                "Too many streams", e.getMessage() + "; retry shortly.");
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(problem.getBody());
    }
}
