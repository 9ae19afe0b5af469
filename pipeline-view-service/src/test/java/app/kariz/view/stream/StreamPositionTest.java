package app.kariz.view.stream;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StreamPositionTest {

    @Test
    void aPositionReadsBackAsItWasWritten() {
        StreamPosition position = new StreamPosition("3f9a0c1d2e4b", 1042, Instant.parse("2026-11-27T11:00:00.123Z"));

        assertThat(position.format()).isEqualTo("3f9a0c1d2e4b-1042-1795777200123");
        assertThat(StreamPosition.parse(position.format())).contains(position);
    }

    @Test
    void anythingElseIsNoPosition() {
        assertThat(StreamPosition.parse(null)).isEmpty();
        assertThat(StreamPosition.parse("")).isEmpty();
        assertThat(StreamPosition.parse("1042")).isEmpty();
        assertThat(StreamPosition.parse("epoch-x-1")).isEmpty();
        assertThat(StreamPosition.parse("epoch-1-2-3")).isEmpty();
        assertThat(StreamPosition.parse("epoch-99999999999999999999-1")).isEmpty();
    }
}
