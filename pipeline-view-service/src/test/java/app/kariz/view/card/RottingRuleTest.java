package app.kariz.view.card;

import app.kariz.view.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RottingRuleTest {

    private static final Instant TOUCHED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant THREE_DAYS_LATER = Instant.parse("2026-11-23T10:00:00Z");

    private final SettableClock clock = new SettableClock(TOUCHED);
    private final RottingRule rule = new RottingRule(clock);

    @ParameterizedTest(name = "{0}: rotten since {1}")
    @CsvSource({
            "2026-11-23T09:59:59.999Z, ",
            "2026-11-23T10:00:00Z, ",
            "2026-11-23T10:00:00.001Z, 2026-11-23T10:00:00Z",
            "2026-12-31T00:00:00Z, 2026-11-23T10:00:00Z"})
    void anOpenDealIsRottenFromOneMillisecondAfterItsStagesDaysHavePassed(Instant now, Instant expected) {
        clock.set(now);

        assertThat(rule.rottenSince(DealStatus.OPEN, TOUCHED, 3)).isEqualTo(expected);
    }

    @Test
    void aStageWithoutThresholdNeverRots() {
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(rule.rottenSince(DealStatus.OPEN, TOUCHED, null)).isNull();
    }

    @Test
    void aWonOrLostDealNeverRots() {
        clock.set(THREE_DAYS_LATER.plusSeconds(1));

        assertThat(rule.rottenSince(DealStatus.WON, TOUCHED, 3)).isNull();
        assertThat(rule.rottenSince(DealStatus.LOST, TOUCHED, 3)).isNull();
        assertThat(rule.rottenSince(DealStatus.OPEN, TOUCHED, 3)).isEqualTo(THREE_DAYS_LATER);
    }

    @Test
    void aZeroDayStageRotsAsSoonAsTimePassesAfterTheTouch() {
        clock.set(TOUCHED);
        assertThat(rule.rottenSince(DealStatus.OPEN, TOUCHED, 0)).isNull();

        clock.set(TOUCHED.plusMillis(1));
        assertThat(rule.rottenSince(DealStatus.OPEN, TOUCHED, 0)).isEqualTo(TOUCHED);
    }
}
