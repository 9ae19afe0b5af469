package app.kariz.gateway.consistency;

import app.kariz.events.Position;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The positions the gateway has seen in the responses to each client, so that client's later requests can wait
 * for them. Per client, only the highest sequence of each aggregate is kept, for {@code window} after it was seen,
 * and at most {@code perClient} aggregates; clients nobody has heard from for a window are forgotten entirely.
 */
public class SeenPositions {

    private static final long MAX_CLIENTS = 100_000;

    private final Duration window;
    private final int perClient;
    private final Ticker ticker;
    private final Cache<String, Cache<String, Long>> byClient;

    public SeenPositions(Duration window, int perClient, Ticker ticker) {
        this.window = window;
        this.perClient = perClient;
        this.ticker = ticker;
        this.byClient = Caffeine.newBuilder()
                .expireAfterAccess(window)
                .maximumSize(MAX_CLIENTS)
                .ticker(ticker)
                .build();
    }

    public void remember(String clientKey, Collection<Position> positions) {
        if (positions.isEmpty()) {
            return;
        }
        Map<String, Long> seen = byClient.get(clientKey, key -> newClientCache()).asMap();
        for (Position position : positions) {
            seen.merge(position.streamKey(), position.sequence(), Math::max);
        }
    }

    /** The positions still within the window for this client, in a stable order. */
    public List<Position> recalled(String clientKey) {
        Cache<String, Long> seen = byClient.getIfPresent(clientKey);
        if (seen == null) {
            return List.of();
        }
        return seen.asMap().entrySet().stream()
                .map(entry -> position(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(Position::streamKey))
                .toList();
    }

    private Cache<String, Long> newClientCache() {
        return Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(perClient)
                .ticker(ticker)
                .executor(Runnable::run) // evict on the writing thread: the bound holds as soon as remember returns
                .build();
    }

    private static Position position(String streamKey, long sequence) {
        int separator = streamKey.indexOf(':');
        return new Position(streamKey.substring(0, separator), streamKey.substring(separator + 1), sequence);
    }
}
