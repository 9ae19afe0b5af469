package app.kariz.view.board;

import app.kariz.view.indicator.Indicator;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which open deals a board or a stage page shows.
 *
 * @param ownerId             only this owner's deals; null for everyone's
 * @param indicators          only deals showing one of these; all four when no indicator filter is given
 * @param restrictedToOwnerId the viewer may see only this owner's deals (their own), whatever {@code ownerId}
 *                            asks for, counts and totals included; null when they see every deal
 */
public record BoardFilter(String ownerId, Set<Indicator> indicators, String restrictedToOwnerId) {

    public static final BoardFilter NONE = new BoardFilter(null, EnumSet.allOf(Indicator.class));

    public BoardFilter {
        ownerId = ownerId == null || ownerId.isBlank() ? null : ownerId.strip();
        indicators = indicators == null ? EnumSet.allOf(Indicator.class) : Set.copyOf(indicators);
    }

    /** The filter of a viewer who sees every deal. */
    public BoardFilter(String ownerId, Set<Indicator> indicators) {
        this(ownerId, indicators, null);
    }
}
