package app.kariz.view.stream;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a client's stream has got, sent as every event's SSE {@code id} and given back in {@code Last-Event-ID}
 * on reconnect: {@code <epoch>-<seq>-<judgedAt epoch millis>}, e.g. {@code 3f9a0c1d2e4b-1042-1764230400000}.
 * Clients treat it as opaque.
 *
 * @param epoch    the {@link BoardChangeLog} epoch the sequence belongs to
 * @param seq      every card change up to this one that concerns the client's pipeline has been sent
 * @param judgedAt every indicator change by the clock alone up to this instant has been sent
 */
record StreamPosition(String epoch, long seq, Instant judgedAt) {

    private static final Pattern FORMAT = Pattern.compile("([0-9a-zA-Z]{1,40})-(\\d{1,18})-(\\d{1,18})");

    public String format() {
        return epoch + "-" + seq + "-" + judgedAt.toEpochMilli();
    }

    /** Empty for anything that is not a position this service wrote. */
    public static Optional<StreamPosition> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new StreamPosition(matcher.group(1), Long.parseLong(matcher.group(2)),
                Instant.ofEpochMilli(Long.parseLong(matcher.group(3)))));
    }

    @Override
    public String toString() {
        return format();
    }
}
