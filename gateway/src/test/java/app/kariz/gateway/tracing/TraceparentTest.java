package app.kariz.gateway.tracing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraceparentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidVersion00HeaderIsKeptAsItIs() {
        assertThat(Traceparent.parse(List.of(VALID))).hasValueSatisfying(traceparent -> {
            assertThat(traceparent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(traceparent.parentId()).isEqualTo("00f067aa0ba902b7");
            assertThat(traceparent.flags()).isEqualTo("01");
            assertThat(traceparent.value()).isEqualTo(VALID);
        });
    }

    @Test
    void aLaterVersionIsReadByItsFirstFieldsAndPassedOnAsVersion00() {
        String later = "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-what-the-future-holds";

        assertThat(Traceparent.parse(List.of(later)).map(Traceparent::value))
                .hasValue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "",
            "nonsense",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-more",
            "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01more",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01"})
    void anInvalidHeaderIsNotAccepted(String value) {
        assertThat(Traceparent.parse(List.of(value))).isEmpty();
    }

    @Test
    void twoHeadersAreNotAccepted() {
        assertThat(Traceparent.parse(List.of(VALID, VALID))).isEmpty();
    }

    @Test
    void aNewTraceIsValidVersion00AndSampled() {
        Traceparent started = Traceparent.start();

        assertThat(started.value()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(Traceparent.parse(List.of(started.value()))).hasValue(started);
        assertThat(Traceparent.start().traceId()).isNotEqualTo(started.traceId());
    }
}
