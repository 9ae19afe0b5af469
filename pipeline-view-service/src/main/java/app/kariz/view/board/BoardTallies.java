package app.kariz.view.board;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The boards' counts and totals, kept in memory between requests: counting them is the one part of a board whose
 * cost grows with the pipeline (an aggregation over all its open cards), while its cards are pages an index serves.
 * A tally is served again only while both things it depends on stay put:
 * <ul>
 *   <li>the cards: the change mark (the change log every instance records each card and pipeline change in, and
 *   the generation served) is what it was before the tally was counted, so no card changed since on any
 *   instance. Taken before counting, a change that lands during the count makes the next request count
 *   again;</li>
 *   <li>the clock: it has not reached the first instant one of the counted cards turns (PLANNED to TODAY, TODAY to
 *   OVERDUE), nor gone back before the count.</li>
 * </ul>
 * Under steady writes most requests count again; a board looked at while its pipeline is quiet costs its pages.
 */
final class BoardTallies {

    /** One board's tally: of one pipeline, as one owner filter and one viewer's restriction see it. */
    record Key(String organizationId, String pipelineId, String ownerId, String restrictedToOwnerId) {
    }

    /**
     * @param byStage  the tally of each stage with open cards
     * @param turnsAt the first instant after the count at which a counted card shows another indicator
     *                 ({@link Instant#MAX}: none will)
     */
    record Counted(Map<String, StageTally> byStage, Instant turnsAt) {
    }

    private record Kept(Object mark, Instant countedAt, Counted counted) {
    }

    /** Enough for every board a few thousand people look at; each entry is a few stages' counts. */
    private static final int KEPT_BOARDS = 10_000;

    private final Supplier<Object> changeMark;
    private final Cache<Key, Kept> kept = Caffeine.newBuilder().maximumSize(KEPT_BOARDS).build();

    BoardTallies(Supplier<Object> changeMark) {
        this.changeMark = changeMark;
    }

    /** The tally of {@code key} at {@code now}: the kept one while it holds, else {@code count}'s, then kept. */
    Map<String, StageTally> get(Key key, Instant now, Supplier<Counted> count) {
        Object mark = changeMark.get();
        Kept known = kept.getIfPresent(key);
        if (known != null && known.mark().equals(mark) && !now.isBefore(known.countedAt())
                && now.isBefore(known.counted().turnsAt())) {
            return known.counted().byStage();
        }
        Counted counted = count.get();
        kept.put(key, new Kept(mark, now, counted));
        return counted.byStage();
    }
}
