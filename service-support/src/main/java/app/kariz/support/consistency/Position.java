package app.kariz.support.consistency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How far one aggregate's event stream has got: {@code deal:<id>:<sequence>}. A write answers with the
 * positions it produced ({@code Kariz-Position}); a later request may name positions a service must have
 * applied before it answers ({@code Kariz-Await}). This is how a client reads its own writes.
 */
public record Position(String aggregateType, String aggregateId, long sequence) {

    public static final String WRITTEN_HEADER = "Kariz-Position";
    public static final String AWAIT_HEADER = "Kariz-Await";

    public Position {
        if (aggregateType.isBlank() || aggregateId.isBlank() || aggregateType.contains(":")
                || aggregateId.contains(":") || sequence < 0) {
            throw new IllegalArgumentException("Not a position: " + aggregateType + ":" + aggregateId + ":"
                    + sequence);
        }
    }

    /** The key under which the applied sequence of this aggregate is kept. */
    public String streamKey() {
        return aggregateType + ":" + aggregateId;
    }

    @Override
    public String toString() {
        return streamKey() + ":" + sequence;
    }

    public static String format(Collection<Position> positions) {
        return positions.stream().map(Position::toString).collect(Collectors.joining(","));
    }

    /** Parses a header value; malformed entries are ignored, since a hint must never fail a request. */
    public static List<Position> parseAll(String header) {
        List<Position> positions = new ArrayList<>();
        if (header == null) {
            return positions;
        }
        for (String entry : header.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 3) {
                continue;
            }
            try {
                positions.add(new Position(parts[0], parts[1], Long.parseLong(parts[2])));
            } catch (IllegalArgumentException malformed) {
                // ignored on purpose, see above
            }
        }
        return positions;
    }
}
