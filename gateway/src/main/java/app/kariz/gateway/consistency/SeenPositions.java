package app.kariz.gateway.consistency;

import app.kariz.events.Position;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions the gateway has seen in the responses to each client, so that client's later requests can wait
 * for them. Per client, only the highest sequence of each aggregate is kept, for {@code window} after it was seen,
 * and at most {@code perClient} aggregates: beyond that the aggregate written longest ago is forgotten first.
 * Clients nobody has heard from for a window are forgotten entirely.
 */
class SeenPositions {

    private static final long MAX_CLIENTS = 100_000;

    private final long windowNanos;
    private final int perClient;
    private final Ticker ticker;
    private final Cache<String, ClientPositions> byClient;

    public SeenPositions(Duration window, int perClient, Ticker ticker) {
        this.windowNanos = window.toNanos();
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
        byClient.get(clientKey, key -> new ClientPositions()).remember(positions, ticker.read());
    }

    /** The positions still within the window for this client, the most recently written first. */
    public List<Position> recalled(String clientKey) {
        ClientPositions seen = byClient.getIfPresent(clientKey);
        return seen == null ? List.of() : seen.newestFirst(ticker.read());
    }

    /** The position itself is kept, so recalling it costs no parsing or checking again. */
    private record Seen(Position position, long seenAtNanos) {

        long sequence() {
            return position.sequence();
        }
    }

    /**
     * One client's aggregates in the order their highest sequence was seen, oldest first. Not Caffeine's size
     * bound: its admission policy may reject a new entry in favour of an old one, and here the newest matter most.
     */
    private final class ClientPositions {

        private final LinkedHashMap<String, Seen> byAggregate = new LinkedHashMap<>();

        synchronized void remember(Collection<Position> positions, long now) {
            for (Position position : positions) {
                String streamKey = position.streamKey();
                Seen known = byAggregate.get(streamKey);
                if (known == null || position.sequence() > known.sequence()) {
                    // Re-inserted, so it moves to the newest end.
                    byAggregate.remove(streamKey);
                    byAggregate.put(streamKey, new Seen(position, now));
                }
            }
            forgetExpired(now);
            Iterator<Map.Entry<String, Seen>> oldestFirst = byAggregate.entrySet().iterator();
            while (byAggregate.size() > perClient) {
                oldestFirst.next();
                oldestFirst.remove();
            }
        }

        synchronized List<Position> newestFirst(long now) {
            forgetExpired(now);
            List<Position> positions = new ArrayList<>(byAggregate.size());
            byAggregate.values().forEach(seen -> positions.add(seen.position()));
            Collections.reverse(positions);
            return positions;
        }

        /** The entries are in the order they were seen, so the expired ones are the first. */
        private void forgetExpired(long now) {
            Iterator<Seen> oldestFirst = byAggregate.values().iterator();
            while (oldestFirst.hasNext() && now - oldestFirst.next().seenAtNanos() >= windowNanos) {
                oldestFirst.remove();
            }
        }
    }
}
