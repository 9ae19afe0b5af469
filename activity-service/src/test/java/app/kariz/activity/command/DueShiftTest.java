package app.kariz.activity.command;

import app.kariz.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DueShiftTest {

    @Test
    void theUsualPresetsSplitIntoCalendarDaysAndElapsedTime() {
        assertThat(DueShift.parse("PT1H")).isEqualTo(new DueShift(Period.ZERO, Duration.ofHours(1), "PT1H"));
        assertThat(DueShift.parse("PT3H").time()).isEqualTo(Duration.ofHours(3));
        assertThat(DueShift.parse("P1D").days()).isEqualTo(Period.ofDays(1));
        assertThat(DueShift.parse("P1W").days()).isEqualTo(Period.ofDays(7));
        assertThat(DueShift.parse("P1DT2H30M")).isEqualTo(new DueShift(Period.ofDays(1),
                Duration.ofMinutes(150), "P1DT2H30M"));
        assertThat(DueShift.parse("p2d").days()).isEqualTo(Period.ofDays(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "P", "PT", "P1DT", "1D", "tomorrow", "PT1.5H", "P-1D", "PT-1H", "-PT1H",
            "P0D", "PT0M", "PT30S", "P1D2H", "P1DT1D"})
    void anythingButAPositiveDurationInWholeMinutesIsRefused(String text) {
        assertThatThrownBy(() -> DueShift.parse(text)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("by")));
    }

    @Test
    void noTextIsRefused() {
        assertThatThrownBy(() -> DueShift.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
