package app.kariz.view.board;

import app.kariz.view.card.Indicator;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which open deals a board or a stage page shows.
 *
 * @param ownerId    only this owner's deals; null for everyone's
 * @param indicators only deals showing one of these; all four when no indicator filter is given
 */
public record BoardFilter(String ownerId, Set<Indicator> indicators) {

    public static final BoardFilter NONE = new BoardFilter(null, EnumSet.allOf(Indicator.class));

    public BoardFilter {
        ownerId = ownerId == null || ownerId.isBlank() ? null : ownerId.strip();
        indicators = indicators == null ? EnumSet.allOf(Indicator.class) : Set.copyOf(indicators);
    }
}
