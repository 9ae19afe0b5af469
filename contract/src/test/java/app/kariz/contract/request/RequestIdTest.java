package app.kariz.contract.request;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {

    @Test
    void anAcceptableOfferedIdIsKept() {
        assertThat(RequestId.acceptOrNew("client-42:retry.1_a")).isEqualTo("client-42:retry.1_a");
        assertThat(RequestId.acceptOrNew("x".repeat(128))).isEqualTo("x".repeat(128));
    }

    @Test
    void aMissingOrUnacceptableIdIsReplacedByANewOne() {
        for (String offered : new String[]{null, "", "x".repeat(129), "a b", "line\nbreak", "ایران", "a;b"}) {
            String accepted = RequestId.acceptOrNew(offered);
            assertThat(accepted).isNotEqualTo(offered);
            assertThat(UUID.fromString(accepted).toString()).isEqualTo(accepted);
        }
    }
}
