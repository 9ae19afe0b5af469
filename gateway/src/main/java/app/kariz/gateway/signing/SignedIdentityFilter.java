package app.kariz.gateway.signing;

import app.kariz.gateway.auth.Authentication;
import app.kariz.gateway.auth.Identity;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;

/**
 * Tells the service who is calling: sets the {@code Kariz-*} identity headers of the authenticated caller, the
 * gateway's time, and their signature over method, path and those headers.
 * <p>
 * Runs right after Spring Cloud Gateway has built the URL it forwards to, and signs that URL's raw path as it goes
 * on the wire (the ASCII form, percent-encoding untouched): it is what a servlet service reads back as
 * {@code request.getRequestURI()}. Whatever the client sent under these names was removed at authentication.
 */
public class SignedIdentityFilter implements GlobalFilter, Ordered {

    public static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

    private final IdentitySignature signature;
    private final Clock clock;

    public SignedIdentityFilter(IdentitySignature signature, Clock clock) {
        this.signature = signature;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI target = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        Identity caller = Authentication.from(exchange).map(Authentication::identity).orElse(null);
        if (target == null || caller == null) {
            return chain.filter(exchange);
        }
        String rawPath = URI.create(target.toASCIIString()).getRawPath();
        IdentitySignature.Signed signed = new IdentitySignature.Signed(exchange.getRequest().getMethod().name(),
                rawPath, caller.organizationId(), caller.userId(), caller.role().name(),
                caller.visibility() == null ? null : caller.visibility().name(),
                caller.timeZone() == null ? null : caller.timeZone().getId(), clock.instant().getEpochSecond());
        ServerWebExchange forwarded = exchange.mutate()
                .request(request -> request.headers(headers -> write(headers, signed)))
                .build();
        return chain.filter(forwarded);
    }

    private void write(HttpHeaders headers, IdentitySignature.Signed signed) {
        Identity.HEADERS.forEach(headers::remove);
        setIfPresent(headers, Identity.ORGANIZATION_HEADER, signed.organizationId());
        setIfPresent(headers, Identity.USER_HEADER, signed.userId());
        setIfPresent(headers, Identity.ROLE_HEADER, signed.role());
        setIfPresent(headers, Identity.VISIBILITY_HEADER, signed.visibility());
        setIfPresent(headers, Identity.TIME_ZONE_HEADER, signed.timeZone());
        headers.set(Identity.ISSUED_AT_HEADER, Long.toString(signed.issuedAt()));
        headers.set(Identity.SIGNATURE_HEADER, signature.sign(signed));
    }

    private static void setIfPresent(HttpHeaders headers, String name, String value) {
        if (value != null) {
            headers.set(name, value);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
