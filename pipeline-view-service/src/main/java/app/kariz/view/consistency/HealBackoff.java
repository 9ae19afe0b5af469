package app.kariz.view.consistency;

import java.time.Duration;

/**
 * When to ask again for a gap's missing events: {@code first} after the first request, then twice as long
 * after each further one, never longer than {@code max}.
 */
public record HealBackoff(Duration first, Duration max) {

    /** The wait after the request that was number {@code requests} (0 for the first). */
    public Duration after(int requests) {
        Duration wait = first;
        for (int i = 0; i < requests && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
