package app.kariz.view.card;

import app.kariz.kernel.InvalidInputException;

/** The {@code limit} query parameter of a paged listing. */
public final class PageLimit {

    private PageLimit() {
    }

    /** {@code defaultLimit} when absent or blank; a whole number from 1 to {@code max} otherwise. */
    public static int parse(String raw, int defaultLimit, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("limit", "must be a whole number from 1 to " + max);
    }
}
