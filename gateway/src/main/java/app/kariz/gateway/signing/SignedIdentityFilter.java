package app.kariz.gateway.signing;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.contract.identity.IdentitySignature;
import app.kariz.gateway.auth.Authentication;
import app.kariz.gateway.identity.Identity;
import app.kariz.gateway.server.FilterOrder;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the service who is calling: sets the {@code Kariz-*} identity headers of the authenticated caller, the
 * gateway's time, and their signature over method, path and those headers.
 * <p>
 * Runs right after Spring Cloud Gateway has built the URL it forwards to, and signs that URL's raw path as it goes
 * on the wire (the ASCII form, percent-encoding untouched): it is what a servlet service reads back as
 * {@code request.getRequestURI()}. Whatever the client sent under these names was removed at authentication.
 */
class SignedIdentityFilter implements GlobalFilter, Ordered {

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
        Map<String, String> identity = identityHeaders(caller, clock.instant().getEpochSecond());
        String signed = signature.sign(exchange.getRequest().getMethod().name(), rawPath, identity::get);
        ServerWebExchange forwarded = exchange.mutate().request(request -> request.headers(headers -> {
            IdentityHeaders.ALL.forEach(headers::remove);
            identity.forEach(headers::set);
            headers.set(IdentityHeaders.SIGNATURE, signed);
        })).build();
        return chain.filter(forwarded);
    }

    /** The headers that speak for {@code caller}, as they go on the wire (absent ones left out). */
    private static Map<String, String> identityHeaders(Identity caller, long issuedAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        putIfPresent(headers, IdentityHeaders.ORGANIZATION, caller.organizationId());
        putIfPresent(headers, IdentityHeaders.USER, caller.userId());
        putIfPresent(headers, IdentityHeaders.ROLE, caller.role().name());
        putIfPresent(headers, IdentityHeaders.VISIBILITY, caller.visibility() == null ? null
                : caller.visibility().name());
        putIfPresent(headers, IdentityHeaders.TIME_ZONE, caller.timeZone() == null ? null : caller.timeZone().getId());
        headers.put(IdentityHeaders.ISSUED_AT, Long.toString(issuedAt));
        return headers;
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    @Override
    public int getOrder() {
        return FilterOrder.SIGNED_IDENTITY;
    }
}
