package app.kariz.view.access;

import app.kariz.support.web.Caller;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerTest {

    private static Caller caller(Caller.Role role, Caller.Visibility visibility) {
        return new Caller("org-1", "user-1", ZoneId.of("Asia/Tehran"), role, visibility);
    }

    @Test
    void onlyAMemberOfAnOrganisationShowingOwnersAndManagersIsRestricted() {
        assertThat(Viewer.of(caller(Caller.Role.MEMBER, Caller.Visibility.OWNER_AND_MANAGERS)).restricted()).isTrue();
        assertThat(Viewer.of(caller(Caller.Role.MEMBER, Caller.Visibility.EVERYONE)).restricted()).isFalse();
        assertThat(Viewer.of(caller(Caller.Role.MANAGER, Caller.Visibility.OWNER_AND_MANAGERS)).restricted()).isFalse();
        assertThat(Viewer.of(caller(Caller.Role.ADMIN, Caller.Visibility.OWNER_AND_MANAGERS)).restricted()).isFalse();
    }

    @Test
    void aRestrictedViewerSeesOnlyTheirOwnDealsAndActivities() {
        Viewer member = Viewer.of(caller(Caller.Role.MEMBER, Caller.Visibility.OWNER_AND_MANAGERS));
        assertThat(member.onlyOwnerId()).isEqualTo("user-1");
        assertThat(member.seesDealOwnedBy("user-1")).isTrue();
        assertThat(member.seesDealOwnedBy("user-2")).isFalse();
        assertThat(member.seesDealOwnedBy(null)).isFalse();
        assertThat(member.seesActivityAssignedTo("user-2")).isFalse();

        Viewer manager = Viewer.of(caller(Caller.Role.MANAGER, Caller.Visibility.OWNER_AND_MANAGERS));
        assertThat(manager.onlyOwnerId()).isNull();
        assertThat(manager.seesDealOwnedBy("user-2")).isTrue();
        assertThat(manager.seesActivityAssignedTo(null)).isTrue();
    }
}
