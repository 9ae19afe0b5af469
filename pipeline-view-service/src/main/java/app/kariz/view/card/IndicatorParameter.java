package app.kariz.view.card;

import app.kariz.kernel.InvalidInputException;
import app.kariz.view.indicator.Indicator;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The {@code indicator} query parameter: a comma-separated list such as {@code NO_ACTIVITY,OVERDUE}. */
public final class IndicatorParameter {

    private IndicatorParameter() {
    }

    /** Null when absent or blank (no indicator filter); otherwise the named indicators, in any letter case. */
    public static Set<Indicator> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
        for (String name : raw.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                indicators.add(Indicator.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("indicator", "unknown indicator '" + name.strip() + "'; known are "
                        + Arrays.toString(Indicator.values()));
            }
        }
        return indicators.isEmpty() ? null : indicators;
    }
}
