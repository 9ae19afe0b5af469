package app.kariz.support.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Gives controllers a {@link Caller} parameter; a request without the gateway's headers is unauthenticated. */
public class CallerResolver implements HandlerMethodArgumentResolver {

    private final ZoneId defaultTimeZone;

    public CallerResolver(ZoneId defaultTimeZone) {
        this.defaultTimeZone = defaultTimeZone;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String organizationId = request.getHeader(Caller.ORGANIZATION_HEADER);
        String userId = request.getHeader(Caller.USER_HEADER);
        if (organizationId == null || organizationId.isBlank() || userId == null || userId.isBlank()) {
            throw new UnauthenticatedException();
        }
        return new Caller(organizationId, userId, zone(request.getHeader(Caller.TIME_ZONE_HEADER)));
    }

    private ZoneId zone(String header) {
        if (header == null || header.isBlank()) {
            return defaultTimeZone;
        }
        try {
            return ZoneId.of(header);
        } catch (DateTimeException e) {
            return defaultTimeZone;
        }
    }

    static class UnauthenticatedException extends RuntimeException {
        UnauthenticatedException() {
            super("The request carries no caller identity");
        }
    }
}
