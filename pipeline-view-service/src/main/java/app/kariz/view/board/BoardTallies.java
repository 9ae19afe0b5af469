package app.kariz.view.board;

import app.kariz.view.store.ScopedCollection;
import app.kariz.view.stream.BoardChange;
import app.kariz.view.stream.BoardChangeLog;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The boards' counts and totals, from each viewed pipeline's open cards kept in memory ({@link OpenCards}) and
 * brought up to date on every read from the {@link BoardChangeLog}, so that a board read costs the cards changed
 * since the last one, not every card of the pipeline.
 *
 * <p>A read takes the log's end first, then:
 * <ul>
 *   <li>when the kept cards are of the generation served and the log's epoch, and the log still holds every
 *   change since they were current, it reads back the cards those changes name (of the board's organisation;
 *   one {@code $in} by id) and takes each in as it is now, or out when it is no longer an open card of the
 *   pipeline. A change is recorded after its card was written, so the card read back is as the change left it
 *   or newer, and a newer write has a later change, read back by a later read;</li>
 *   <li>otherwise (first read, a rebuilt view, a new epoch, more changes since than the log keeps) it reads the
 *   pipeline's open cards in full, with one query on the board's index, current to the end taken before.</li>
 * </ul>
 * A pipeline's own changes (name, stages) are not read back: they change no card, and the board takes its
 * columns from the pipeline on each read.
 *
 * <p>Every change is recorded at least once, but not always before someone reads: an event applied and not yet
 * recorded when its instance crashed is recorded when Kafka delivers it again, which may be after a restart. So
 * the cards are also read in full again once they were loaded {@code reloadAfter} ago, which bounds how long a
 * write can be missing from the counts whatever happened to its change.
 *
 * <p>The reads of one pipeline take turns on its cards (a lock per pipeline): the first brings them up to date
 * and counts, the next finds little left to read. No read sees cards half brought up to date.
 *
 * <p>Without a change log ({@link #countedEachTime}) every read loads the cards in full and counts them.
 */
final class BoardTallies {

    /**
     * Cards kept in memory at most, over all pipelines: a card costs a few hundred bytes (its id, a map entry,
     * its amount), so this is a few hundred MB at worst, which the service can spare; a pipeline beyond it is
     * counted from a full read each time, as without the log. The cards of the pipelines read least recently go
     * first.
     */
    static final long KEPT_CARDS = 1_000_000;
    /** Often enough that a write the log missed is counted soon, rarely enough that the full reads cost nothing. */
    static final Duration RELOAD_AFTER = Duration.ofMinutes(10);

    private final ScopedCollection dealCards;
    private final BoardChangeLog changeLog;
    private final LongSupplier generation;
    private final Ticker ticker;
    private final long reloadAfterNanos;
    private final Cache<Key, OpenCards> kept;

    /**
     * @param generation the generation of the view {@code dealCards} reads at the moment of the call
     * @param ticker     nanoseconds, for {@code reloadAfter} and for dropping the cards of pipelines nobody read
     *                   that long
     */
    BoardTallies(MongoCollection<Document> dealCards, BoardChangeLog changeLog, LongSupplier generation,
                 Duration reloadAfter, Ticker ticker) {
        this.dealCards = new ScopedCollection(dealCards);
        this.changeLog = changeLog;
        this.generation = generation;
        this.ticker = ticker;
        this.reloadAfterNanos = reloadAfter.toNanos();
        this.kept = Caffeine.newBuilder()
                .maximumWeight(KEPT_CARDS)
                .weigher((Key key, OpenCards cards) -> cards.weighed())
                // Cards nobody read for that long would be read in full anyway on the next read.
                .expireAfterAccess(reloadAfter)
                .ticker(ticker)
                .build();
    }

    /** Following {@code changeLog}, with the service's defaults. */
    static BoardTallies following(MongoCollection<Document> dealCards, BoardChangeLog changeLog,
                                  LongSupplier generation) {
        return new BoardTallies(dealCards, changeLog, generation, RELOAD_AFTER, Ticker.systemTicker());
    }

    /** Without a change log: every read counts every card again. */
    static BoardTallies countedEachTime(MongoCollection<Document> dealCards) {
        return new BoardTallies(dealCards, null, () -> 0, RELOAD_AFTER, Ticker.systemTicker());
    }

    /** The tally by stage of the pipeline's open cards {@code filter}'s owner conditions let count, at {@code now}. */
    Map<String, StageTally> tally(String organizationId, String pipelineId, BoardFilter filter, Instant now) {
        OpenCards.Viewer viewer = OpenCards.Viewer.of(filter);
        if (changeLog == null) {
            OpenCards cards = new OpenCards(organizationId, pipelineId);
            cards.load(dealCards, 0, null, 0, ticker.read());
            return cards.tally(viewer, now);
        }
        long generation = this.generation.getAsLong();
        BoardChangeLog.Head head = changeLog.head();
        Key key = new Key(organizationId, pipelineId);
        OpenCards cards = kept.get(key, pipeline -> new OpenCards(organizationId, pipelineId));
        synchronized (cards) {
            bringUpToDate(cards, generation, head);
            if (cards.size() != cards.weighed()) {
                // Weighed again as it grew or shrank: the cache weighs a value only when it is put.
                cards.weighedAt(cards.size());
                kept.put(key, cards);
            }
            return cards.tally(viewer, now);
        }
    }

    private void bringUpToDate(OpenCards cards, long generation, BoardChangeLog.Head head) {
        long nanos = ticker.read();
        if (!cards.mustLoad(generation, head.epoch(), nanos - reloadAfterNanos)) {
            Optional<List<BoardChange>> changes = changeLog.changesAfter(cards.seq(), head);
            if (changes.isPresent()) {
                cards.refresh(dealCards, cardsOf(changes.get(), cards.organizationId()), head.seq());
                return;
            }
        }
        cards.load(dealCards, generation, head.epoch(), head.seq(), nanos);
    }

    /** The deals whose cards the changes wrote in the organisation, each once. */
    private static Set<String> cardsOf(List<BoardChange> changes, String organizationId) {
        Set<String> dealIds = new LinkedHashSet<>();
        for (BoardChange change : changes) {
            if (change.isCardChange() && organizationId.equals(change.organizationId())) {
                dealIds.add(change.dealId());
            }
        }
        return dealIds;
    }

    /** One pipeline's cards: its organisation is part of the key, as every read of the view filters on it. */
    private record Key(String organizationId, String pipelineId) {
    }
}
