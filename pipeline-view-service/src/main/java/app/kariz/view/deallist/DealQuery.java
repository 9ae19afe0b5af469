package app.kariz.view.deallist;

import app.kariz.kernel.InvalidInputException;
import app.kariz.view.card.DealStatus;
import app.kariz.view.indicator.Indicator;

import java.util.Locale;
import java.util.Set;

/**
 * The filters of the deal list; each null when not given. Filters combine with AND.
 *
 * @param status     OPEN, WON or LOST; null for every deal that is not deleted
 * @param indicators deals showing one of these (open deals only, so with WON or LOST nothing matches); when
 *                   given, the list is in board order instead of newest first
 * @param text       the search text {@code q}, see {@link TextSearch}
 * @param restrictedToOwnerId the viewer may see only this owner's deals (their own), whatever {@code ownerId}
 *                            asks for; null when they see every deal
 */
public record DealQuery(DealStatus status, String pipelineId, String ownerId, Set<Indicator> indicators,
                        String text, String restrictedToOwnerId) {

    public DealQuery {
        pipelineId = blankToNull(pipelineId);
        ownerId = blankToNull(ownerId);
        text = blankToNull(text);
        if (text != null && text.length() > TextSearch.MAX_LENGTH) {
            throw new InvalidInputException("q", "must be at most " + TextSearch.MAX_LENGTH + " characters");
        }
        indicators = indicators == null ? null : Set.copyOf(indicators);
    }

    /** The query of a viewer who sees every deal. */
    public DealQuery(DealStatus status, String pipelineId, String ownerId, Set<Indicator> indicators, String text) {
        this(status, pipelineId, ownerId, indicators, text, null);
    }

    /** The {@code status} query parameter; null when absent or blank. */
    public static DealStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return DealStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be OPEN, WON or LOST");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
