package app.kariz.kernel.access;

import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    private static Caller caller(Role role, Visibility visibility) {
        return new Caller("org-1", "user-1", ZoneId.of("Asia/Tehran"), role, visibility);
    }

    @Test
    void onlyAMemberOfAnOrganisationShowingOwnersAndManagersIsRestricted() {
        assertThat(caller(Role.MEMBER, Visibility.OWNER_AND_MANAGERS).restricted()).isTrue();
        assertThat(caller(Role.MEMBER, Visibility.EVERYONE).restricted()).isFalse();
        assertThat(caller(Role.MANAGER, Visibility.OWNER_AND_MANAGERS).restricted()).isFalse();
        assertThat(caller(Role.ADMIN, Visibility.OWNER_AND_MANAGERS).restricted()).isFalse();
    }

    @Test
    void aRestrictedCallerSeesOnlyTheirOwnDealsAndActivities() {
        Caller member = caller(Role.MEMBER, Visibility.OWNER_AND_MANAGERS);
        assertThat(member.onlyOwnUserId()).isEqualTo("user-1");
        assertThat(member.sees("user-1")).isTrue();
        assertThat(member.sees("user-2")).isFalse();
        assertThat(member.sees(null)).isFalse();
        assertThat(member.sees("user-2")).isFalse();

        Caller manager = caller(Role.MANAGER, Visibility.OWNER_AND_MANAGERS);
        assertThat(manager.onlyOwnUserId()).isNull();
        assertThat(manager.sees("user-2")).isTrue();
        assertThat(manager.sees(null)).isTrue();
    }

    @Test
    void aCallersReachIsItsOrganisationAndForARestrictedOneItsOwnRecords() {
        assertThat(caller(Role.MEMBER, Visibility.OWNER_AND_MANAGERS).reach()).isEqualTo(new Reach("org-1", "user-1"));
        assertThat(caller(Role.MANAGER, Visibility.OWNER_AND_MANAGERS).reach()).isEqualTo(Reach.organization("org-1"));
        assertThat(caller(Role.ADMIN, Visibility.EVERYONE).sees("user-2")).isTrue();
    }
}
