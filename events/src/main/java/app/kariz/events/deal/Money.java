package app.kariz.events.deal;

import java.math.BigDecimal;

/** An amount in an ISO 4217 currency. On the wire the amount is a JSON string, e.g. {@code "1200.00"}. */
public record Money(BigDecimal amount, String currency) {
}
