package app.kariz.view.card;

import java.util.List;

/**
 * One page of deal cards.
 *
 * @param nextCursor where the next page starts, passed back as {@code cursor}; null on the last page
 */
public record DealPage(List<DealCard> deals, String nextCursor) {
}
