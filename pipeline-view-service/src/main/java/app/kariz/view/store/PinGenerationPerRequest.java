package app.kariz.view.store;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Pins each request's thread to one view generation, the one served when the request first reads the view
 * ({@link ViewGenerations#pin()}), so a board's counts and its cards come from the same generation even if a
 * rebuild switches meanwhile. The pin
 * is released when the request completes, and also when it goes asynchronous (a live stream): the servlet thread
 * then returns to the pool, and the stream's own threads read the current generation each time.
 */
public class PinGenerationPerRequest implements AsyncHandlerInterceptor {

    private final ViewGenerations generations;

    public PinGenerationPerRequest(ViewGenerations generations) {
        this.generations = generations;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        generations.pin();
        return true;
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
                                               Object handler) {
        generations.unpin();
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        generations.unpin();
    }
}
