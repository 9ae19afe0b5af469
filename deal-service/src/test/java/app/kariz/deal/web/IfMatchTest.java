package app.kariz.deal.web;

import app.kariz.deal.command.ExpectedVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IfMatchTest {

    @Test
    void noHeaderOrAStarAcceptsAnyVersion() {
        assertThat(IfMatch.parse(null).isAny()).isTrue();
        assertThat(IfMatch.parse(" ").isAny()).isTrue();
        assertThat(IfMatch.parse("*").isAny()).isTrue();
    }

    @Test
    void aQuotedABareAndAWeakTagNameTheSameVersion() {
        assertThat(IfMatch.parse("\"7\"")).isEqualTo(ExpectedVersion.of(7));
        assertThat(IfMatch.parse("7")).isEqualTo(ExpectedVersion.of(7));
        assertThat(IfMatch.parse("W/\"7\"")).isEqualTo(ExpectedVersion.of(7));
    }

    @Test
    void aListAcceptsAnyOfItsVersions() {
        ExpectedVersion expected = IfMatch.parse("\"6\", W/\"8\"");

        assertThat(expected.allows(6)).isTrue();
        assertThat(expected.allows(8)).isTrue();
        assertThat(expected.allows(7)).isFalse();
    }

    @Test
    void tagsThatAreNoVersionMatchNothing() {
        ExpectedVersion expected = IfMatch.parse("\"abc\", \"-1\", \"\"");

        assertThat(expected.isAny()).isFalse();
        assertThat(expected.allows(0)).isFalse();
        assertThat(expected.allows(1)).isFalse();
    }

    @Test
    void theEntityTagOfAVersionIsQuoted() {
        assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
    }
}
