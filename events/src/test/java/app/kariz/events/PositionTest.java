package app.kariz.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PositionTest {

    @Test
    void parsesCommaSeparatedPositionsAcrossHeaderValues() {
        assertThat(Position.parseAll(List.of("deal:d-1:3, activity:a-1:0", "deal:d-2:7")))
                .containsExactly(new Position("deal", "d-1", 3), new Position("activity", "a-1", 0),
                        new Position("deal", "d-2", 7));
    }

    @Test
    void skipsMalformedEntries() {
        assertThat(Position.parseAll(List.of("deal:d-1, deal:d-1:x, :d-1:1, deal::1, deal:d-1:-1, a:b:c:1, "
                + "deal:d 1:1,, deal:d-3:1")))
                .containsExactly(new Position("deal", "d-3", 1));
    }

    @Test
    void formatsAsTheHeaderValue() {
        assertThat(Position.format(List.of(new Position("deal", "d-1", 3), new Position("activity", "a-1", 0))))
                .isEqualTo("deal:d-1:3,activity:a-1:0");
    }
}
