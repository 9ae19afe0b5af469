package app.kariz.view.stream;

import app.kariz.view.card.DealCard;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.DealStatus;
import app.kariz.view.store.BsonValues;
import app.kariz.view.store.ScopedCollection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the subscribers of a board are told about cards that changed: the card exactly as
 * {@code GET /api/v1/deals/{id}} shows it now (indicator judged at the time of pushing), or that it left the
 * board and why. Several changes of one card are told once, as the card is now. A change of the pipeline itself
 * (name, stages) is a {@code reset}: the client loads the board again.
 *
 * <p>A viewer who sees only their own deals is told only of cards they own, and that a card is gone once it is
 * handed to someone else ({@link #seenBy}).
 */
final class BoardUpdates {

    enum RemovalReason { DELETED, MOVED, CLOSED, OWNER_CHANGED }

    private final Supplier<MongoCollection<Document>> dealCards;
    private final DealCards cards;
    private final ObjectMapper json;

    BoardUpdates(Supplier<MongoCollection<Document>> dealCards, DealCards cards, ObjectMapper json) {
        this.dealCards = dealCards;
        this.cards = cards;
        this.json = json;
    }

    /** Which boards have subscribers. */
    interface Audience {

        boolean wantsOrganization(String organizationId);

        boolean wants(String organizationId, String pipelineId);
    }

    /**
     * One message for one board.
     *
     * @param seq            the last change of the card it tells
     * @param todayAt        for a card: when it turns "today" next (may be past); null otherwise
     * @param overdueAt      for a card: when it turns overdue (may be past); null otherwise
     * @param ownerId        for a card: its owner now; null otherwise
     * @param formerOwnerIds for a card: the owners the told changes took it from; empty otherwise
     */
    record Update(String organizationId, String pipelineId, String dealId, long seq, String event, String data,
                  Instant todayAt, Instant overdueAt, String ownerId, Set<String> formerOwnerIds) {

        Update {
            formerOwnerIds = Set.copyOf(formerOwnerIds);
        }
    }

    /** The updates the audience's boards get for these changes, in the order of each card's last change. */
    List<Update> of(List<BoardChange> changes, Audience audience) {
        Map<String, ChangedCard> changed = new LinkedHashMap<>();
        List<Update> updates = new ArrayList<>();
        for (BoardChange change : changes) {
            if (!audience.wantsOrganization(change.organizationId())) {
                continue;
            }
            if (change.isCardChange()) {
                changed.computeIfAbsent(change.dealId(), id -> new ChangedCard(change.organizationId(), id))
                        .add(change);
            } else if (audience.wants(change.organizationId(), change.pipelineId())) {
                updates.add(new Update(change.organizationId(), change.pipelineId(), null, change.seq(),
                        StreamMessage.RESET, reset("The pipeline changed; reload the board."), null, null, null,
                        Set.of()));
            }
        }
        Map<String, Document> stored = changed.isEmpty() ? Map.of() : load(changed.values());
        List<ChangedCard> inOrder = new ArrayList<>(changed.values());
        inOrder.sort(Comparator.comparingLong(ChangedCard::lastSeq));
        for (ChangedCard card : inOrder) {
            Document document = stored.get(card.dealId);
            if (document == null || !card.organizationId.equals(document.getString("organizationId"))) {
                continue;
            }
            Set<String> boards = new LinkedHashSet<>();
            if (document.getString("pipelineId") != null) {
                boards.add(document.getString("pipelineId"));
            }
            boards.addAll(card.leftPipelineIds);
            for (String pipelineId : boards) {
                if (audience.wants(card.organizationId, pipelineId)) {
                    update(card, document, pipelineId).ifPresent(updates::add);
                }
            }
        }
        updates.sort(Comparator.comparingLong(Update::seq));
        return updates;
    }

    /** The cards as they are now, for a board whose indicators changed by the clock alone. */
    List<Update> cardsOf(String organizationId, String pipelineId, Collection<String> dealIds, long seq) {
        List<Update> updates = new ArrayList<>();
        Map<String, Document> stored = new HashMap<>();
        load(organizationId, dealIds, stored);
        for (String dealId : dealIds) {
            Document document = stored.get(dealId);
            if (document != null && pipelineId.equals(document.getString("pipelineId"))) {
                card(organizationId, pipelineId, dealId, seq, document, Set.of()).ifPresent(updates::add);
            }
        }
        return updates;
    }

    /**
     * The update as a viewer who sees only {@code onlyOwnerId}'s deals is told it (null: a viewer who sees every
     * deal gets it as it is): their own card as it is; a card that was theirs as a removal; nothing of anyone
     * else's, not even that it changed. A reset concerns every viewer of the board.
     */
    Optional<Update> seenBy(Update update, String onlyOwnerId) {
        if (onlyOwnerId == null || update.dealId() == null || onlyOwnerId.equals(update.ownerId())) {
            return Optional.of(update);
        }
        if (!update.formerOwnerIds().contains(onlyOwnerId)) {
            return Optional.empty();
        }
        if (update.event().equals(StreamMessage.REMOVED)) {
            return Optional.of(update);
        }
        return Optional.of(new Update(update.organizationId(), update.pipelineId(), update.dealId(), update.seq(),
                StreamMessage.REMOVED, write(new Removed(update.dealId(), RemovalReason.OWNER_CHANGED.name())),
                null, null, update.ownerId(), update.formerOwnerIds()));
    }

    private Optional<Update> update(ChangedCard card, Document document, String pipelineId) {
        RemovalReason reason = removalReason(document, pipelineId);
        if (reason != null) {
            return Optional.of(new Update(card.organizationId, pipelineId, card.dealId, card.lastSeq(),
                    StreamMessage.REMOVED, write(new Removed(card.dealId, reason.name())), null, null,
                    document.getString("ownerId"), card.leftOwnerIds));
        }
        if (document.getString("status") == null) {
            // Made by activities before its DealOpened: not a deal anyone can see yet.
            return Optional.empty();
        }
        return card(card.organizationId, pipelineId, card.dealId, card.lastSeq(), document, card.leftOwnerIds);
    }

    /** Null while the card is on this board and open. */
    private static RemovalReason removalReason(Document document, String pipelineId) {
        if (document.containsKey("deletedAt")) {
            return RemovalReason.DELETED;
        }
        String status = document.getString("status");
        if (status == null) {
            return null;
        }
        if (!pipelineId.equals(document.getString("pipelineId"))) {
            return RemovalReason.MOVED;
        }
        return DealStatus.OPEN.name().equals(status) ? null : RemovalReason.CLOSED;
    }

    /** Read through the deal endpoint's own reader, so the data is the same JSON as that endpoint's. */
    private Optional<Update> card(String organizationId, String pipelineId, String dealId, long seq,
                                  Document document, Set<String> formerOwnerIds) {
        Optional<DealCard> card = cards.find(organizationId, dealId);
        if (card.isEmpty() || !pipelineId.equals(card.get().pipelineId())) {
            return Optional.empty();
        }
        String event = card.get().status() == DealStatus.OPEN ? StreamMessage.CARD : StreamMessage.REMOVED;
        String data = event.equals(StreamMessage.CARD) ? write(card.get())
                : write(new Removed(dealId, RemovalReason.CLOSED.name()));
        return Optional.of(new Update(organizationId, pipelineId, dealId, seq, event, data,
                BsonValues.instant(document, "todayAt"), BsonValues.instant(document, "overdueAt"),
                card.get().ownerId(), formerOwnerIds));
    }

    /** The data of a {@code reset} event. */
    String reset(String reason) {
        return write(new Reset(reason));
    }

    /** The changed cards as stored now, read by id within each one's organisation (most batches hold one). */
    private Map<String, Document> load(Collection<ChangedCard> cards) {
        Map<String, List<String>> byOrganization = new LinkedHashMap<>();
        cards.forEach(card -> byOrganization.computeIfAbsent(card.organizationId, id -> new ArrayList<>())
                .add(card.dealId));
        Map<String, Document> documents = new HashMap<>();
        byOrganization.forEach((organizationId, dealIds) -> load(organizationId, dealIds, documents));
        return documents;
    }

    private void load(String organizationId, Collection<String> dealIds, Map<String, Document> into) {
        new ScopedCollection(dealCards.get()).find(organizationId, Filters.in("_id", dealIds))
                .projection(Projections.include("organizationId", "pipelineId", "status", "deletedAt", "todayAt",
                        "overdueAt", "ownerId"))
                .forEach(document -> into.put(document.getString("_id"), document));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The data of a {@code removed} event. */
    record Removed(String id, String reason) {
    }

    /** The data of a {@code reset} event: the client reloads the board, then carries on with the stream. */
    record Reset(String reason) {
    }

    private static final class ChangedCard {
        private final String organizationId;
        private final String dealId;
        private final Set<String> leftPipelineIds = new LinkedHashSet<>();
        private final Set<String> leftOwnerIds = new LinkedHashSet<>();
        private long lastSeq;

        ChangedCard(String organizationId, String dealId) {
            this.organizationId = organizationId;
            this.dealId = dealId;
        }

        void add(BoardChange change) {
            lastSeq = Math.max(lastSeq, change.seq());
            if (change.pipelineId() != null) {
                leftPipelineIds.add(change.pipelineId());
            }
            if (change.leftOwnerId() != null) {
                leftOwnerIds.add(change.leftOwnerId());
            }
        }

        long lastSeq() {
            return lastSeq;
        }
    }
}
