package app.kariz.view.board;

import app.kariz.view.card.DealCard;
import app.kariz.view.indicator.Indicator;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A stage's open deals counted and valued per indicator. */
final class StageTally {

    private final Map<Indicator, Integer> counts = new EnumMap<>(Indicator.class);
    private final Map<Indicator, Map<String, BigDecimal>> values = new EnumMap<>(Indicator.class);

    StageTally() {
        for (Indicator indicator : Indicator.values()) {
            counts.put(indicator, 0);
            values.put(indicator, new TreeMap<>());
        }
    }

    /** One deal showing {@code indicator}, worth {@code amount} of {@code currency} (both null: no value). */
    void add(Indicator indicator, String currency, BigDecimal amount) {
        counts.merge(indicator, 1, Integer::sum);
        if (currency != null && amount != null) {
            values.get(indicator).merge(currency, amount, BigDecimal::add);
        }
    }

    /** Every indicator with its count, 0 included. */
    Map<Indicator, Integer> counts() {
        return new EnumMap<>(counts);
    }

    boolean isEmpty(Indicator indicator) {
        return counts.get(indicator) == 0;
    }

    int count(Set<Indicator> indicators) {
        return indicators.stream().mapToInt(counts::get).sum();
    }

    /** Exact sums by currency code, e.g. {@code [{amount: "3600.00", currency: "IRR"}]}. */
    List<DealCard.Amount> totalValue(Set<Indicator> indicators) {
        Map<String, BigDecimal> total = new TreeMap<>();
        indicators.forEach(indicator -> values.get(indicator).forEach((currency, amount) ->
                total.merge(currency, amount, BigDecimal::add)));
        return total.entrySet().stream()
                .map(entry -> new DealCard.Amount(entry.getValue().toPlainString(), entry.getKey()))
                .toList();
    }
}
