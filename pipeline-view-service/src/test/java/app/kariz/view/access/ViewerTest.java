package app.kariz.view.access;

import app.kariz.support.web.Caller;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerTest {

    private static final Caller CALLER = new Caller("org-1", "user-1", ZoneId.of("Asia/Tehran"));

    @Test
    void onlyAMemberOfAnOrganisationShowingOwnersAndManagersIsRestricted() {
        assertThat(Viewer.of(CALLER, "MEMBER", "OWNER_AND_MANAGERS").restricted()).isTrue();
        assertThat(Viewer.of(CALLER, "MEMBER", "EVERYONE").restricted()).isFalse();
        assertThat(Viewer.of(CALLER, "MANAGER", "OWNER_AND_MANAGERS").restricted()).isFalse();
        assertThat(Viewer.of(CALLER, "ADMIN", "OWNER_AND_MANAGERS").restricted()).isFalse();
    }

    @Test
    void missingRoleOrVisibilityRestrictsNothingForNow() {
        assertThat(Viewer.of(CALLER, null, "OWNER_AND_MANAGERS").restricted()).isFalse();
        assertThat(Viewer.of(CALLER, "MEMBER", null).restricted()).isFalse();
        assertThat(Viewer.of(CALLER, null, null).restricted()).isFalse();
    }

    @Test
    void aRestrictedViewerSeesOnlyTheirOwnDealsAndActivities() {
        Viewer member = Viewer.of(CALLER, "MEMBER", "OWNER_AND_MANAGERS");
        assertThat(member.onlyOwnerId()).isEqualTo("user-1");
        assertThat(member.seesDealOwnedBy("user-1")).isTrue();
        assertThat(member.seesDealOwnedBy("user-2")).isFalse();
        assertThat(member.seesDealOwnedBy(null)).isFalse();
        assertThat(member.seesActivityAssignedTo("user-2")).isFalse();

        Viewer manager = Viewer.of(CALLER, "MANAGER", "OWNER_AND_MANAGERS");
        assertThat(manager.onlyOwnerId()).isNull();
        assertThat(manager.seesDealOwnedBy("user-2")).isTrue();
        assertThat(manager.seesActivityAssignedTo(null)).isTrue();
    }
}
