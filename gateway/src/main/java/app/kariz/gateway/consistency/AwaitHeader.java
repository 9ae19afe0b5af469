package app.kariz.gateway.consistency;

import app.kariz.events.Position;

import java.util.List;

/**
 * The {@code Kariz-Await} value the gateway forwards, bounded in bytes so that it always fits the services' request
 * header limit however much one token writes: a bulk import through one token remembers hundreds of positions
 * within the consistency window, and forwarding them all once outgrew Tomcat's 8 KB and failed every request.
 * <p>
 * The trade-off: positions come newest first and only as many as fit into {@link #MAX_BYTES} are sent. A position
 * left out is one of the oldest writes still in the window, which the services have almost certainly applied long
 * since (they apply within milliseconds to seconds). At typical ids, UUIDs ({@code deal:<36 characters>:<sequence>}
 * is 44 to 50 bytes with its comma), 4 KB carries at least the latest 80 aggregates written; at the default rate
 * limit's sustained 20 requests a second that is the last four seconds of writes or more. So read-your-writes is
 * guaranteed for the 80 or so aggregates a token wrote last (fewer when the client names positions itself: those
 * come first), and best effort for its older writes in the window.
 * <p>
 * A compact encoding that keeps the full guarantee is not available: sequences count per aggregate, so there is
 * no single watermark per token, and a write's answer names no other order (such as a topic offset) that one
 * could refer to.
 */
final class AwaitHeader {

    /** Well below the services' header limit, which must also hold the client's own headers (see their config). */
    static final int MAX_BYTES = 4096;

    private AwaitHeader() {
    }

    /**
     * As many of the positions as fit into {@code maxBytes}, in the given order (most important first); a position
     * that does not fit is skipped, so one oversized id cannot crowd out the rest. Empty for none.
     */
    static String format(List<Position> positions, int maxBytes) {
        StringBuilder value = new StringBuilder();
        int bytes = 0;
        for (Position position : positions) {
            String entry = position.toString();
            int entryBytes = utf8Length(entry) + (value.isEmpty() ? 0 : 1);
            if (bytes + entryBytes > maxBytes) {
                continue;
            }
            if (!value.isEmpty()) {
                value.append(',');
            }
            value.append(entry);
            bytes += entryBytes;
        }
        return value.toString();
    }

    /** Counts a surrogate pair as six bytes rather than four: an upper bound is all that matters here. */
    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }
}
