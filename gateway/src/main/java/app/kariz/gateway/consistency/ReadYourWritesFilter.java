package app.kariz.gateway.consistency;

import app.kariz.events.Position;
import app.kariz.gateway.Service;
import app.kariz.gateway.auth.Authentication;
import app.kariz.gateway.routing.ApiRoute;
import app.kariz.gateway.routing.ApiRoutes;
import app.kariz.gateway.server.FilterOrder;
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
import java.util.Set;

/**
 * Makes a client see its own writes. The positions in each response's {@code Kariz-Position} header are
 * remembered for the token that asked; every later request with that token carries them in {@code Kariz-Await}
 * (merged with any positions the client sent itself, e.g. echoed from another gateway instance's responses), and
 * the service waits, bounded, until it has applied them.
 * <p>
 * Each service gets only the positions its reads can wait for ({@link #AWAITED_TYPES}), the newest first and at
 * most {@link AwaitHeader#MAX_BYTES} of them: see {@link AwaitHeader} for what that bound means for old writes.
 */
@Component
class ReadYourWritesFilter implements GlobalFilter, Ordered {

    /** Limits what one client may ask the services to wait for in a single request. */
    static final int MAX_CLIENT_POSITIONS = 100;

    /**
     * The aggregate types whose positions each service waits for; others it ignores, so they are not sent. The
     * pipeline view waits for those it consumes (AwaitAppliedPositions); the activity service waits for a deal's
     * position when scheduling on it (DealLookup); the deal service reads no {@code Kariz-Await}: it reads its own
     * store, whose directories a write has applied before it answers (CommandSender). Change this table with them.
     */
    static final Map<Service, Set<String>> AWAITED_TYPES = Map.of(
            Service.PIPELINE_VIEW, Set.of("deal", "activity", "pipeline"),
            Service.ACTIVITY, Set.of("deal"),
            Service.DEAL, Set.of());

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
        Set<String> awaitedThere = awaitedBy(exchange);
        // The client's own first (it named them for this request), then what this gateway saw, newest first.
        List<Position> await = awaitedThere != null && awaitedThere.isEmpty() ? List.of()
                : merge(clientPositions(exchange), seen.recalled(clientKey)).stream()
                        .filter(position -> awaitedThere == null || awaitedThere.contains(position.aggregateType()))
                        .toList();
        String value = AwaitHeader.format(await, AwaitHeader.MAX_BYTES);
        ServerWebExchange forwarded = exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(Position.AWAIT_HEADER);
            if (!value.isEmpty()) {
                headers.set(Position.AWAIT_HEADER, value);
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

    /**
     * The aggregate types the request's service waits for; null (every type) when the service is not known, as a
     * service ignores what it does not wait for.
     */
    private static Set<String> awaitedBy(ServerWebExchange exchange) {
        return ApiRoutes.routeFor(exchange.getRequest()).map(ApiRoute::service).map(AWAITED_TYPES::get).orElse(null);
    }

    private static List<Position> written(HttpHeaders responseHeaders) {
        return Position.parseAll(responseHeaders.getOrEmpty(Position.WRITTEN_HEADER));
    }

    /** The highest sequence per aggregate, in the order the aggregates first appear. */
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
        return FilterOrder.READ_YOUR_WRITES;
    }
}
