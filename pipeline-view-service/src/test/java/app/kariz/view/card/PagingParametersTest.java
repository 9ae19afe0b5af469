package app.kariz.view.card;

import app.kariz.kernel.InvalidInputException;
import app.kariz.view.indicator.Indicator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingParametersTest {

    @Test
    void aBoardCursorSurvivesTheRoundTripWhateverItsIdHolds() {
        BoardCursor cursor = new BoardCursor(Indicator.TODAY, Instant.parse("2026-03-09T20:30:00.123Z"),
                Instant.parse("2026-03-01T09:00:00Z"), "deal|with|bars ✓ قرارداد");
        BoardCursor adrift = new BoardCursor(Indicator.NO_ACTIVITY, null, Instant.parse("2026-03-01T09:00:00Z"),
                "deal-1");

        assertThat(BoardCursor.parse(cursor.encode())).isEqualTo(cursor);
        assertThat(BoardCursor.parse(adrift.encode())).isEqualTo(adrift);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
        assertThat(BoardCursor.parse(null)).isNull();
        assertThat(BoardCursor.parse(" ")).isNull();
    }

    @Test
    void aCursorOfAnotherKindOrNoCursorAtAllIsInvalidInputInTheCursorField() {
        String other = OpaqueCursor.encode("history", "1", "2", "x");
        for (String invalid : new String[] {other, "%%%", "bm9wZQ", OpaqueCursor.encode("board", "RED", "", "1", "x"),
                OpaqueCursor.encode("board", "TODAY", "soon", "1", "x")}) {
            assertThatThrownBy(() -> BoardCursor.parse(invalid)).as(invalid)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
        }
    }

    @Test
    void indicatorsAreACommaSeparatedListInAnyLetterCase() {
        assertThat(IndicatorParameter.parse("NO_ACTIVITY,OVERDUE"))
                .isEqualTo(EnumSet.of(Indicator.NO_ACTIVITY, Indicator.OVERDUE));
        assertThat(IndicatorParameter.parse(" today , planned,")).isEqualTo(EnumSet.of(Indicator.TODAY,
                Indicator.PLANNED));
        assertThat(IndicatorParameter.parse(null)).isNull();
        assertThat(IndicatorParameter.parse(" , ")).isNull();
        assertThatThrownBy(() -> IndicatorParameter.parse("TODAY,LATE"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("indicator"));
    }

    @Test
    void aLimitIsAWholeNumberUpToTheListingsMaximum() {
        assertThat(PageLimit.parse(null, 50, 200)).isEqualTo(50);
        assertThat(PageLimit.parse("", 50, 200)).isEqualTo(50);
        assertThat(PageLimit.parse("200", 50, 200)).isEqualTo(200);
        assertThat(PageLimit.parse("1", 50, 200)).isEqualTo(1);
        for (String invalid : new String[] {"0", "201", "-3", "1.5", "ten"}) {
            assertThatThrownBy(() -> PageLimit.parse(invalid, 50, 200)).as(invalid)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("limit"));
        }
    }
}
