package app.kariz.view.board;

import app.kariz.view.card.DealStatus;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.indicator.IndicatorQuery;
import app.kariz.view.store.ScopedCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One pipeline's open deal cards in memory, each with just what its board's counts and totals need (stage,
 * owner, the two instants its indicator turns at, value), and the place in the view and the
 * {@link app.kariz.view.stream.BoardChangeLog} they are current to. {@link BoardTallies} loads it, keeps it up to
 * date and tallies it; it is not safe for concurrent use on its own, {@code BoardTallies} uses it under its lock.
 *
 * <p>Counting here rather than in the database is what makes a board's counts cheap to keep: bringing the cards up
 * to date costs the cards that changed, and counting them at an instant is a loop in memory (about a millisecond
 * per ten thousand cards), where a count in the database reads every open card of the pipeline again.
 */
final class OpenCards {

    /** Everything a card's tally needs and where it belongs, so a card read back can be judged here. */
    private static final Bson FIELDS = Projections.include("organizationId", "pipelineId", "status", "stageId",
            "ownerId", IndicatorQuery.TODAY_AT, IndicatorQuery.OVERDUE_AT, "value");
    /**
     * Cards read back at once by id. MongoDB takes many more in one {@code $in}; the in-process server the tests
     * and benches run on plans an index for at most 256 values and scans the collection beyond, so the same code
     * stays a few index lookups on both.
     */
    private static final int READ_BACK_AT_ONCE = 200;

    private final String organizationId;
    private final String pipelineId;
    private final Map<String, Card> byDeal = new HashMap<>();
    /**
     * One string per stage, owner and currency: read from the database each card would bring its own copy, and
     * there are few of them among many cards.
     */
    private final Map<String, String> names = new HashMap<>();
    /** Tallies already counted since the cards last changed, by viewer; each holds until its cards turn. */
    private final Map<Viewer, Counted> counted = new HashMap<>();
    private boolean loaded;
    private long generation;
    private String epoch;
    private long seq;
    private long loadedAtNanos;
    /** How many cards the cache of pictures last weighed this one at. */
    private int weighed;

    OpenCards(String organizationId, String pipelineId) {
        this.organizationId = organizationId;
        this.pipelineId = pipelineId;
    }

    /**
     * Whether the cards must be read again in full: never read, read from another generation of the view or in
     * another epoch of the change log (whose numbers mean nothing to each other), or read at or before
     * {@code loadedBeforeNanos}.
     */
    boolean mustLoad(long generation, String epoch, long loadedBeforeNanos) {
        return !loaded || this.generation != generation || !Objects.equals(this.epoch, epoch)
                || loadedAtNanos - loadedBeforeNanos <= 0;
    }

    /**
     * Reads every open card of the pipeline. The caller read the change log's end ({@code epoch}, {@code seq})
     * before, so every card written since shows among the changes after {@code seq} and is read again then.
     */
    void load(ScopedCollection dealCards, long generation, String epoch, long seq, long nanos) {
        byDeal.clear();
        counted.clear();
        dealCards.find(organizationId, Filters.eq("pipelineId", pipelineId),
                        Filters.eq("status", DealStatus.OPEN.name()))
                .projection(FIELDS)
                .forEach(card -> byDeal.put(card.getString("_id"), card(card)));
        this.loaded = true;
        this.generation = generation;
        this.epoch = epoch;
        this.seq = seq;
        this.loadedAtNanos = nanos;
    }

    String organizationId() {
        return organizationId;
    }

    /** The change log position the cards are current to. */
    long seq() {
        return seq;
    }

    /**
     * Reads the cards of {@code dealIds} again, as they are now, and takes them in, or out when they are no longer
     * open cards of this pipeline (won, lost, deleted, moved to another pipeline); then the cards are current to
     * {@code seq}. Each was changed by a change up to {@code seq}, recorded after its write, so what is read is the
     * card as that change left it or newer.
     */
    void refresh(ScopedCollection dealCards, Collection<String> dealIds, long seq) {
        List<String> ids = new ArrayList<>(dealIds);
        boolean changed = false;
        for (int from = 0; from < ids.size(); from += READ_BACK_AT_ONCE) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + READ_BACK_AT_ONCE));
            Set<String> gone = new HashSet<>(batch);
            // By _id in the organisation: with the pipeline's conditions too, a planner may take the board's index
            // instead and read every card of the pipeline. Whether the card is still here is judged from its fields.
            for (Document card : dealCards.find(organizationId, Filters.in("_id", batch)).projection(FIELDS)) {
                if (isOpenHere(card)) {
                    gone.remove(card.getString("_id"));
                    Card now = card(card);
                    changed |= !now.equals(byDeal.put(card.getString("_id"), now));
                }
            }
            for (String dealId : gone) {
                changed |= byDeal.remove(dealId) != null;
            }
        }
        if (changed) {
            counted.clear();
        }
        this.seq = Math.max(this.seq, seq);
    }

    int size() {
        return byDeal.size();
    }

    int weighed() {
        return weighed;
    }

    void weighedAt(int cards) {
        weighed = cards;
    }

    /**
     * The tally of the cards {@code viewer} counts, by stage, at {@code now}: each card on the indicator it shows
     * then, by the rule of {@link IndicatorQuery}. Counted once and served again while no card changes and the
     * clock stays before the first instant a counted card turns (PLANNED to TODAY, TODAY to OVERDUE), and not
     * before the count.
     */
    Map<String, StageTally> tally(Viewer viewer, Instant now) {
        Counted known = counted.get(viewer);
        if (known != null && !now.isBefore(known.countedAt()) && now.isBefore(known.turnsAt())) {
            return known.byStage();
        }
        long at = now.toEpochMilli();
        long turns = Long.MAX_VALUE;
        Map<String, StageTally> byStage = new HashMap<>();
        for (Card card : byDeal.values()) {
            if (!viewer.sees(card.ownerId())) {
                continue;
            }
            Indicator indicator = card.indicatorAt(at);
            byStage.computeIfAbsent(card.stageId(), stage -> new StageTally())
                    .add(indicator, card.currency(), card.amount());
            // A planned card turns TODAY first (todayAt <= overdueAt); one due today turns OVERDUE.
            long next = switch (indicator) {
                case PLANNED -> card.todayAt();
                case TODAY -> card.overdueAt();
                case NO_ACTIVITY, OVERDUE -> Long.MAX_VALUE;
            };
            turns = Math.min(turns, next);
        }
        counted.put(viewer, new Counted(byStage, now, turns == Long.MAX_VALUE ? Instant.MAX
                : Instant.ofEpochMilli(turns)));
        return byStage;
    }

    private boolean isOpenHere(Document card) {
        return organizationId.equals(card.getString("organizationId")) && pipelineId.equals(card.getString("pipelineId"))
                && DealStatus.OPEN.name().equals(card.getString("status"));
    }

    private Card card(Document card) {
        Document value = card.get("value", Document.class);
        String currency = value == null ? null : value.getString("currency");
        String amount = value == null ? null : value.getString("amount");
        return new Card(name(card.getString("stageId")), name(card.getString("ownerId")),
                millis(card.getDate(IndicatorQuery.TODAY_AT)), millis(card.getDate(IndicatorQuery.OVERDUE_AT)),
                currency == null || amount == null ? null : name(currency),
                currency == null || amount == null ? null : new BigDecimal(amount));
    }

    private String name(String name) {
        return name == null ? null : names.computeIfAbsent(name, same -> same);
    }

    private static long millis(Date date) {
        return date == null ? IndicatorQuery.NO_INSTANT : date.getTime();
    }

    /**
     * Whose cards a tally counts: the owner asked for and the owner the viewer is restricted to are both
     * conditions, as on the board's pages, so a restricted viewer asking for someone else's deals counts none.
     */
    record Viewer(String ownerId, String restrictedToOwnerId) {

        static Viewer of(BoardFilter filter) {
            return new Viewer(filter.ownerId(), filter.restrictedToOwnerId());
        }

        boolean sees(String cardOwnerId) {
            return (ownerId == null || ownerId.equals(cardOwnerId))
                    && (restrictedToOwnerId == null || restrictedToOwnerId.equals(cardOwnerId));
        }
    }

    /**
     * An open card as its tally counts it.
     *
     * @param todayAt   when its first open activity is due today, in epoch milliseconds
     *                  ({@link IndicatorQuery#NO_INSTANT}: none open)
     * @param overdueAt when its first open activity is overdue, likewise; the projection writes both together
     * @param currency  null, as {@code amount}, when the deal has no value
     */
    private record Card(String stageId, String ownerId, long todayAt, long overdueAt, String currency,
                        BigDecimal amount) {

        Indicator indicatorAt(long at) {
            return IndicatorQuery.indicatorAt(todayAt, overdueAt, at);
        }
    }

    /**
     * @param turnsAt the first instant after {@code countedAt} at which a counted card shows another indicator
     *                ({@link Instant#MAX}: none will)
     */
    private record Counted(Map<String, StageTally> byStage, Instant countedAt, Instant turnsAt) {
    }
}
