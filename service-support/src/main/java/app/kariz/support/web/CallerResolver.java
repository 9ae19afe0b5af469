package app.kariz.support.web;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import app.kariz.kernel.ForbiddenException;
import app.kariz.kernel.access.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Gives controllers a {@link Caller} (someone in an organisation) or a {@link PlatformAdmin} parameter from the
 * gateway's identity headers, whose signature {@link IdentityVerification} has checked. A request without them, or
 * with a role or visibility this service does not know, did not come from the gateway as it is now: 401, never a
 * guessed default (a missing visibility read as {@code EVERYONE} would show a member everything).
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    private final ZoneId defaultTimeZone;

    public CallerResolver(ZoneId defaultTimeZone) {
        this.defaultTimeZone = defaultTimeZone;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class || parameter.getParameterType() == PlatformAdmin.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String userId = present(request.getHeader(IdentityHeaders.USER));
        Role role = known(Role.class, request.getHeader(IdentityHeaders.ROLE));
        if (userId == null || role == null) {
            throw new UnauthenticatedException("The request carries no caller identity");
        }
        if (parameter.getParameterType() == PlatformAdmin.class) {
            if (role != Role.PLATFORM_ADMIN) {
                throw new ForbiddenException("Only the platform administrator may do this");
            }
            return new PlatformAdmin(userId);
        }
        String organizationId = present(request.getHeader(IdentityHeaders.ORGANIZATION));
        Visibility visibility = known(Visibility.class, request.getHeader(IdentityHeaders.VISIBILITY));
        if (organizationId == null || visibility == null || role == Role.PLATFORM_ADMIN) {
            throw new UnauthenticatedException("The request carries no caller identity in an organisation");
        }
        return new Caller(organizationId, userId, zone(request.getHeader(IdentityHeaders.TIME_ZONE)), role,
                visibility);
    }

    private static String present(String header) {
        return header == null || header.isBlank() ? null : header;
    }

    private static <E extends Enum<E>> E known(Class<E> type, String header) {
        if (header == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, header);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
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
}
