package app.kariz.view.stream;

import app.kariz.view.indicator.IndicatorRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live streams of boards in this instance. {@link #poll()}, called every few hundred milliseconds, reads
 * the changes recorded since the last call from the {@link BoardChangeLog} (shared by every instance, so
 * each instance sees every change whichever instance applied it) and sends each subscriber of an affected board
 * the card as it is now, or its removal; then it sends the cards of boards whose indicators turned by the clock
 * alone. A new subscriber that gives the id of the last message it got is first sent what it missed. A subscriber
 * who sees only their own deals is sent only what concerns them ({@link BoardUpdates#seenBy}), live and when
 * resuming alike.
 *
 * <p>All of this happens under one lock, so a subscriber joins between two polls and never misses or doubles a
 * change; the messages themselves are written to the clients by the {@code sender} threads.
 */
class BoardStreams {

    private static final Logger log = LoggerFactory.getLogger(BoardStreams.class);

    private final BoardChangeLog changeLog;
    private final BoardUpdates updates;
    private final IndicatorTurns turns;
    private final IndicatorRule indicators;
    private final StreamProperties properties;
    private final ExecutorService sender;
    private final AtomicInteger open = new AtomicInteger();
    private final Object lock = new Object();
    // Guarded by lock:
    private final Map<BoardKey, Board> boards = new HashMap<>();
    private final Map<String, Integer> boardsPerOrganization = new HashMap<>();
    private BoardChangeLog.Head processed;

    BoardStreams(BoardChangeLog changeLog, BoardUpdates updates, IndicatorTurns turns,
                 IndicatorRule indicators, StreamProperties properties, ExecutorService sender) {
        this.changeLog = changeLog;
        this.updates = updates;
        this.turns = turns;
        this.indicators = indicators;
        this.properties = properties;
        this.sender = sender;
    }

    /**
     * A new stream of the board, starting after {@code lastEventId} when given (a position this service sent).
     * The caller has checked that the board exists and is the organisation's.
     *
     * @param onlyOwnerId the subscriber sees only this owner's cards (their own); null: every card of the board
     * @throws TooManyStreamsException when this instance already serves as many streams as it may
     */
    public SseEmitter subscribe(String organizationId, String pipelineId, String onlyOwnerId, String lastEventId) {
        if (open.incrementAndGet() > properties.maxStreams()) {
            open.decrementAndGet();
            throw new TooManyStreamsException(properties.maxStreams());
        }
        SseEmitter emitter = new SseEmitter(properties.maxDuration().toMillis());
        Subscription subscription = new Subscription(organizationId, pipelineId, onlyOwnerId, emitter, sender,
                properties.queueCapacity(), this::closed);
        try {
            synchronized (lock) {
                catchUp();
                Instant now = indicators.now();
                subscription.send(StreamMessage.retry(properties.reconnectDelay()));
                resume(subscription, lastEventId, now);
                subscription.send(StreamMessage.position(position(processed.seq(), now), "live"));
                BoardKey key = new BoardKey(organizationId, pipelineId);
                Board board = boards.get(key);
                if (board == null) {
                    board = new Board(key, now, turns.nextAfter(organizationId, pipelineId, now));
                    boards.put(key, board);
                    boardsPerOrganization.merge(organizationId, 1, Integer::sum);
                }
                board.subscribers.add(subscription);
            }
        } catch (RuntimeException e) {
            subscription.complete();
            throw e;
        }
        return emitter;
    }

    /** Sends what changed since the last poll; see the class comment. */
    public void poll() {
        synchronized (lock) {
            if (boards.isEmpty()) {
                return;
            }
            catchUp();
            Instant now = indicators.now();
            for (Board board : List.copyOf(boards.values())) {
                sendTurnedCards(board, now);
            }
        }
    }

    /** Keeps idle connections open through proxies and moves every client's resume position forward. */
    public void heartbeat() {
        synchronized (lock) {
            for (Board board : boards.values()) {
                StreamMessage heartbeat = StreamMessage.position(position(processed.seq(), board.judgedUntil),
                        "heartbeat");
                board.send(heartbeat);
            }
        }
    }

    /** Ends every stream, at shutdown; clients reconnect (to another instance) and resume. */
    public void close() {
        List<Subscription> all = new ArrayList<>();
        synchronized (lock) {
            boards.values().forEach(board -> all.addAll(board.subscribers));
        }
        all.forEach(Subscription::complete);
        sender.shutdown();
    }

    /** How many streams this instance serves. */
    public int openStreams() {
        return open.get();
    }

    /**
     * Advances to the change log's end, sending the changes in between to the boards' subscribers. A new log (new
     * epoch), or more changes than it keeps, tells every subscriber to reload. When reading fails, nothing
     * advances and the next poll tries again.
     */
    private void catchUp() {
        BoardChangeLog.Head head = changeLog.head();
        BoardChangeLog.Head before = processed;
        if (before == null || !head.epoch().equals(before.epoch())) {
            processed = head;
            if (before != null) {
                resetAll("The views were emptied; reload the board.");
            }
            return;
        }
        if (head.seq() == before.seq()) {
            return;
        }
        if (boards.isEmpty()) {
            processed = head;
            return;
        }
        Optional<List<BoardChange>> changes = changeLog.changesAfter(before.seq(), head);
        if (changes.isEmpty()) {
            processed = head;
            resetAll("More cards changed than can be sent; reload the board.");
            return;
        }
        List<BoardUpdates.Update> toSend = updates.of(changes.get(), audienceOfAllBoards());
        processed = head;
        Instant now = indicators.now();
        for (BoardUpdates.Update update : toSend) {
            Board board = boards.get(new BoardKey(update.organizationId(), update.pipelineId()));
            if (board != null) {
                send(board.subscribers, update, position(update.seq(), board.judgedUntil));
                board.noteTurns(now, update.todayAt(), update.overdueAt());
            }
        }
    }

    /** At a turn, the cards that turned since the board was last judged, then the next turn. */
    private void sendTurnedCards(Board board, Instant now) {
        if (board.nextTurn == null || board.nextTurn.isAfter(now)) {
            board.judgedUntil = later(board.judgedUntil, now);
            return;
        }
        BoardKey key = board.key;
        Optional<List<String>> turned = turns.turnedBetween(key.organizationId(), key.pipelineId(),
                board.judgedUntil, now, properties.maxReplay());
        if (turned.isEmpty()) {
            board.send(reset(position(processed.seq(), now),
                    "More cards turned by the clock than can be sent; reload the board."));
        } else {
            for (BoardUpdates.Update update : updates.cardsOf(key.organizationId(), key.pipelineId(), turned.get(),
                    processed.seq())) {
                send(board.subscribers, update, position(processed.seq(), now));
            }
        }
        board.judgedUntil = now;
        board.nextTurn = turns.nextAfter(key.organizationId(), key.pipelineId(), now);
    }

    /**
     * Sends a reconnecting subscriber the card changes after its last position and the cards whose indicator
     * turned since, or a reset when that position is unknown or too far behind.
     */
    private void resume(Subscription subscription, String lastEventId, Instant now) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return;
        }
        // A position judged a little "after now" comes from an instance whose clock runs ahead: nothing to replay.
        Optional<StreamPosition> from = StreamPosition.parse(lastEventId)
                .filter(position -> position.epoch().equals(processed.epoch()))
                .filter(position -> position.seq() <= processed.seq())
                .map(position -> position.judgedAt().isAfter(now)
                        ? new StreamPosition(position.epoch(), position.seq(), now) : position);
        if (from.isEmpty()) {
            subscription.send(reset(position(processed.seq(), now),
                    "The stream cannot resume from " + lastEventId + "; reload the board."));
            return;
        }
        Optional<List<BoardChange>> changes = changeLog.changesAfter(from.get().seq(), processed);
        String organizationId = subscription.organizationId();
        String pipelineId = subscription.pipelineId();
        Optional<List<String>> turned = turns.turnedBetween(organizationId, pipelineId, from.get().judgedAt(), now,
                properties.maxReplay());
        if (changes.isEmpty() || turned.isEmpty()) {
            subscription.send(reset(position(processed.seq(), now),
                    "Too much changed since " + lastEventId + " to replay; reload the board."));
            return;
        }
        BoardUpdates.Audience thisBoard = new BoardUpdates.Audience() {
            @Override
            public boolean wantsOrganization(String organization) {
                return organization.equals(organizationId);
            }

            @Override
            public boolean wants(String organization, String pipeline) {
                return organization.equals(organizationId) && pipeline.equals(pipelineId);
            }
        };
        for (BoardUpdates.Update update : updates.of(changes.get(), thisBoard)) {
            send(List.of(subscription), update, position(update.seq(), from.get().judgedAt()));
        }
        for (BoardUpdates.Update update : updates.cardsOf(organizationId, pipelineId, turned.get(),
                processed.seq())) {
            send(List.of(subscription), update, position(processed.seq(), now));
        }
    }

    /** The update to each subscriber as they may see it; one that falls too far behind leaves on the way. */
    private void send(Collection<Subscription> subscribers, BoardUpdates.Update update, StreamPosition position) {
        for (Subscription subscription : List.copyOf(subscribers)) {
            updates.seenBy(update, subscription.onlyOwnerId()).ifPresent(seen ->
                    subscription.send(StreamMessage.event(seen.event(), position, seen.data())));
        }
    }

    private void resetAll(String reason) {
        Instant now = indicators.now();
        for (Board board : boards.values()) {
            board.send(reset(position(processed.seq(), now), reason));
            board.judgedUntil = now;
            board.nextTurn = turns.nextAfter(board.key.organizationId(), board.key.pipelineId(), now);
        }
    }

    private BoardUpdates.Audience audienceOfAllBoards() {
        return new BoardUpdates.Audience() {
            @Override
            public boolean wantsOrganization(String organizationId) {
                return boardsPerOrganization.containsKey(organizationId);
            }

            @Override
            public boolean wants(String organizationId, String pipelineId) {
                return boards.containsKey(new BoardKey(organizationId, pipelineId));
            }
        };
    }

    private StreamPosition position(long seq, Instant judgedAt) {
        return new StreamPosition(processed.epoch(), seq, judgedAt);
    }

    private StreamMessage reset(StreamPosition position, String reason) {
        return StreamMessage.event(StreamMessage.RESET, position, updates.reset(reason));
    }

    private void closed(Subscription subscription) {
        synchronized (lock) {
            BoardKey key = new BoardKey(subscription.organizationId(), subscription.pipelineId());
            Board board = boards.get(key);
            if (board != null && board.subscribers.remove(subscription) && board.subscribers.isEmpty()) {
                boards.remove(key);
                boardsPerOrganization.computeIfPresent(key.organizationId(), (organization, count) ->
                        count == 1 ? null : count - 1);
            }
        }
        open.decrementAndGet();
        log.debug("A stream of pipeline {} ended", subscription.pipelineId());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record BoardKey(String organizationId, String pipelineId) {
    }

    /** A board with subscribers in this instance. */
    private static final class Board {
        private final BoardKey key;
        private final Set<Subscription> subscribers = new LinkedHashSet<>();
        /** Every indicator turn up to here has been sent. */
        private Instant judgedUntil;
        /** No open card of the board turns before this (it may turn later); null: none turns by the clock. */
        private Instant nextTurn;

        Board(BoardKey key, Instant judgedUntil, Instant nextTurn) {
            this.key = key;
            this.judgedUntil = judgedUntil;
            this.nextTurn = nextTurn;
        }

        /** To every subscriber; one that falls too far behind leaves the set on the way. */
        void send(StreamMessage message) {
            List.copyOf(subscribers).forEach(subscription -> subscription.send(message));
        }

        /** A changed card may turn before the board's next known turn. */
        void noteTurns(Instant now, Instant... turns) {
            for (Instant turn : turns) {
                if (turn != null && turn.isAfter(now) && (nextTurn == null || turn.isBefore(nextTurn))) {
                    nextTurn = turn;
                }
            }
        }
    }
}
