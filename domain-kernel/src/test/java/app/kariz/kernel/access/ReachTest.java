package app.kariz.kernel.access;

import app.kariz.kernel.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReachTest {

    @Test
    void theWholeOrganisationReachesEveryRecordOfItsOwnAndNoneOfAnother() {
        Reach organization = Reach.organization("org-1");
        assertThat(organization.includes("org-1", "user-2")).isTrue();
        assertThat(organization.includes("org-1", null)).isTrue();
        assertThat(organization.includes("org-2", "user-2")).isFalse();
    }

    @Test
    void aCallerLimitedToItsOwnReachesOnlyWhatItHoldsInItsOrganisation() {
        Reach own = new Reach("org-1", "user-1");
        assertThat(own.includes("org-1", "user-1")).isTrue();
        assertThat(own.includes("org-1", "user-2")).isFalse();
        assertThat(own.includes("org-1", null)).isFalse();
        assertThat(own.includes("org-2", "user-1")).isFalse();
    }

    @Test
    void whatIsOutOfReachIsAnsweredLikeWhatDoesNotExist() {
        assertThatThrownBy(() -> new Reach("org-1", null).require("deal", "d-7", "org-2", "user-1"))
                .isInstanceOf(NotFoundException.class).hasMessage("No deal d-7");
        assertThatThrownBy(() -> new Reach("org-1", "user-1").require("activity", "a-3", "org-1", "user-2"))
                .isInstanceOf(NotFoundException.class).hasMessage("No activity a-3");
        assertThatCode(() -> new Reach("org-1", "user-1").require("activity", "a-3", "org-1", "user-1"))
                .doesNotThrowAnyException();
    }

    @Test
    void aReachIsAlwaysWithinAnOrganisation() {
        assertThatThrownBy(() -> new Reach(null, "user-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
