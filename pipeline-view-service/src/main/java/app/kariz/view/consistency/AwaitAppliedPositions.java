package app.kariz.view.consistency;

import app.kariz.events.Position;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Read-your-writes: a read that names positions in {@code Kariz-Await} (the {@code Kariz-Position} values its
 * client's writes answered with) is held until this view has applied them, for at most the await timeout.
 * After that it is answered anyway, marked {@code Kariz-Stale: true}, since a slightly old view is more useful
 * than an error. Positions of aggregates this view does not consume are ignored: they would never arrive.
 */
public class AwaitAppliedPositions implements HandlerInterceptor {

    public static final String STALE_HEADER = "Kariz-Stale";
    private static final Set<String> CONSUMED_AGGREGATE_TYPES = Set.of("deal", "activity", "pipeline");
    private static final Logger log = LoggerFactory.getLogger(AwaitAppliedPositions.class);

    private final AppliedPositions positions;
    private final Duration timeout;

    public AwaitAppliedPositions(AppliedPositions positions, Duration timeout) {
        this.positions = positions;
        this.timeout = timeout;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<Position> awaited = Position.parseAll(request.getHeader(Position.AWAIT_HEADER)).stream()
                .filter(position -> CONSUMED_AGGREGATE_TYPES.contains(position.aggregateType()))
                .toList();
        if (awaited.isEmpty()) {
            return true;
        }
        boolean caughtUp;
        try {
            caughtUp = positions.awaitApplied(awaited, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            caughtUp = false;
        }
        if (!caughtUp) {
            log.info("Answering {} before {} were applied", request.getRequestURI(), Position.format(awaited));
            response.setHeader(STALE_HEADER, "true");
        }
        return true;
    }
}
