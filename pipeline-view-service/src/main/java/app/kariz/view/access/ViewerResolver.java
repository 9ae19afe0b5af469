package app.kariz.view.access;

import app.kariz.support.web.Caller;
import app.kariz.support.web.CallerResolver;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.time.ZoneOffset;

/**
 * Gives controllers a {@link Viewer} parameter. The identity comes from the shared {@link CallerResolver}, so a
 * request without the gateway's headers is refused exactly as everywhere else (401).
 */
public class ViewerResolver implements HandlerMethodArgumentResolver {

    /** A viewer has no time zone, so the caller's default zone never matters here. */
    private final CallerResolver callers = new CallerResolver(ZoneOffset.UTC);

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        // Resolved as a Caller: the parameter is not a PlatformAdmin.
        Caller caller = (Caller) callers.resolveArgument(parameter, mavContainer, request, binderFactory);
        return Viewer.of(caller);
    }
}
