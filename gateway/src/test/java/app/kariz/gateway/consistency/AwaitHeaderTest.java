package app.kariz.gateway.consistency;

import app.kariz.events.Position;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AwaitHeaderTest {

    @Test
    void allPositionsThatFitAreSentInTheGivenOrder() {
        List<Position> positions = List.of(new Position("deal", "d-2", 7), new Position("activity", "a-1", 0));

        assertThat(AwaitHeader.format(positions, AwaitHeader.MAX_BYTES)).isEqualTo("deal:d-2:7,activity:a-1:0");
        assertThat(Position.parseAll(AwaitHeader.format(positions, AwaitHeader.MAX_BYTES))).isEqualTo(positions);
    }

    @Test
    void noPositionsIsAnEmptyValue() {
        assertThat(AwaitHeader.format(List.of(), AwaitHeader.MAX_BYTES)).isEmpty();
    }

    @Test
    void manyPositionsAreCutToTheBoundKeepingTheFirst() {
        List<Position> newestFirst = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            newestFirst.add(new Position(i % 2 == 0 ? "deal" : "activity", UUID.randomUUID().toString(), i % 200));
        }

        String value = AwaitHeader.format(newestFirst, AwaitHeader.MAX_BYTES);

        assertThat(value.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AwaitHeader.MAX_BYTES);
        List<Position> sent = Position.parseAll(value);
        // The bound documented in AwaitHeader: at least the latest 80 aggregates at UUID ids.
        assertThat(sent.size()).isGreaterThanOrEqualTo(80);
        assertThat(sent).isEqualTo(newestFirst.subList(0, sent.size()));
    }

    @Test
    void theBoundIsExactAndCountsTheCommas() {
        List<Position> positions = List.of(new Position("deal", "d-1", 0), new Position("deal", "d-2", 0));

        assertThat(AwaitHeader.format(positions, 21)).isEqualTo("deal:d-1:0,deal:d-2:0");
        assertThat(AwaitHeader.format(positions, 20)).isEqualTo("deal:d-1:0");
        assertThat(AwaitHeader.format(positions, 9)).isEmpty();
    }

    @Test
    void aPositionTooLongToFitIsSkippedWithoutCrowdingOutTheRest() {
        List<Position> positions = List.of(new Position("deal", "x".repeat(5000), 1), new Position("deal", "d-1", 2));

        assertThat(AwaitHeader.format(positions, AwaitHeader.MAX_BYTES)).isEqualTo("deal:d-1:2");
    }

    @Test
    void theBoundIsInBytesNotCharacters() {
        List<Position> positions = List.of(new Position("deal", "\u00e9\u00e9\u00e9", 0));

        assertThat(AwaitHeader.format(positions, 10)).isEmpty();
        assertThat(AwaitHeader.format(positions, 13)).isEqualTo("deal:\u00e9\u00e9\u00e9:0");
    }
}
