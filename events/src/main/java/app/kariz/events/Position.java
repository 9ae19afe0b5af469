package app.kariz.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How far one aggregate's event stream has got, {@code deal:<id>:<sequence>}, as carried by every event's
 * {@code kariz_aggregatetype}, {@code kariz_aggregateid} and {@code kariz_sequence} headers. The HTTP API uses
 * the same form: services answer a write with the positions it stored ({@code Kariz-Position}) and wait,
 * bounded, for the positions a request names ({@code Kariz-Await}) before they answer it. Header values are
 * comma-separated positions.
 */
public record Position(String aggregateType, String aggregateId, long sequence) {

    public static final String WRITTEN_HEADER = "Kariz-Position";
    public static final String AWAIT_HEADER = "Kariz-Await";

    public Position {
        if (!isPart(aggregateType) || !isPart(aggregateId) || sequence < 0) {
            throw new IllegalArgumentException("Not a position: " + aggregateType + ":" + aggregateId + ":"
                    + sequence);
        }
    }

    /** The aggregate whose stream this is a position in: {@code deal:<id>}. */
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

    /** Parses a header value (null for none); malformed entries are skipped. */
    public static List<Position> parseAll(String headerValue) {
        return headerValue == null ? List.of() : parseAll(List.of(headerValue));
    }

    /** Parses header values; malformed entries are skipped, since a hint must never fail a request. */
    public static List<Position> parseAll(Collection<String> headerValues) {
        List<Position> positions = new ArrayList<>();
        for (String value : headerValues) {
            for (String entry : value.split(",")) {
                parse(entry.strip()).ifPresent(positions::add);
            }
        }
        return positions;
    }

    private static Optional<Position> parse(String entry) {
        String[] parts = entry.split(":", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Position(parts[0], parts[1], Long.parseLong(parts[2])));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** A loop, not a stream: the gateway checks every remembered position of a client on every request. */
    private static boolean isPart(String part) {
        if (part == null || part.isEmpty()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == ':' || c == ',' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
