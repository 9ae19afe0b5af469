package app.kariz.gateway.consistency;

import app.kariz.events.Position;

import app.kariz.gateway.auth.Authentication;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a client see its own writes. The positions in each response's {@code Kariz-Position} header are
 * remembered for the token that asked; every later request with that token carries them in {@code Kariz-Await}
 * (merged with any positions the client sent itself, e.g. echoed from another gateway instance's responses), and
 * the service waits, bounded, until it has applied them.
 */
@Component
public class ReadYourWritesFilter implements GlobalFilter, Ordered {

    /** Limits what one client may ask the services to wait for in a single request. */
    static final int MAX_CLIENT_POSITIONS = 100;

    private final SeenPositions seen;

    public ReadYourWritesFilter(SeenPositions seen) {
        this.seen = seen;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String clientKey = Authentication.from(exchange).map(Authentication::tokenKey).orElse(null);
        if (clientKey == null) {
            return chain.filter(exchange);
        }
        List<Position> await = merge(clientPositions(exchange), seen.recalled(clientKey));
        ServerWebExchange forwarded = exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(Position.AWAIT_HEADER);
            if (!await.isEmpty()) {
                headers.set(Position.AWAIT_HEADER, Position.format(await));
            }
        })).build();
        // Before the response is committed, i.e. before the client can possibly send its next request.
        forwarded.getResponse().beforeCommit(() -> {
            seen.remember(clientKey, written(forwarded.getResponse().getHeaders()));
            return Mono.empty();
        });
        return chain.filter(forwarded);
    }

    private static List<Position> clientPositions(ServerWebExchange exchange) {
        List<String> values = exchange.getRequest().getHeaders().getOrEmpty(Position.AWAIT_HEADER);
        List<Position> positions = Position.parseAll(values);
        return positions.size() > MAX_CLIENT_POSITIONS ? positions.subList(0, MAX_CLIENT_POSITIONS) : positions;
    }

    private static List<Position> written(HttpHeaders responseHeaders) {
        return Position.parseAll(responseHeaders.getOrEmpty(Position.WRITTEN_HEADER));
    }

    /** The highest sequence per aggregate. */
    static List<Position> merge(Collection<Position> first, Collection<Position> second) {
        Map<String, Position> highest = new LinkedHashMap<>();
        List<Position> all = new ArrayList<>(first);
        all.addAll(second);
        for (Position position : all) {
            highest.merge(position.streamKey(), position,
                    (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }
        return List.copyOf(highest.values());
    }

    /** Early among the gateway's filters, so the routing filters see the final headers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1000;
    }
}
