package app.kariz.support.web;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    private static Caller caller(Caller.Role role, Caller.Visibility visibility) {
        return new Caller("org-1", "user-1", ZoneId.of("Asia/Tehran"), role, visibility);
    }

    @Test
    void onlyAMemberOfAnOrganisationShowingOwnersAndManagersIsRestricted() {
        assertThat(caller(Caller.Role.MEMBER, Caller.Visibility.OWNER_AND_MANAGERS).restricted()).isTrue();
        assertThat(caller(Caller.Role.MEMBER, Caller.Visibility.EVERYONE).restricted()).isFalse();
        assertThat(caller(Caller.Role.MANAGER, Caller.Visibility.OWNER_AND_MANAGERS).restricted()).isFalse();
        assertThat(caller(Caller.Role.ADMIN, Caller.Visibility.OWNER_AND_MANAGERS).restricted()).isFalse();
    }

    @Test
    void aRestrictedCallerSeesOnlyTheirOwnDealsAndActivities() {
        Caller member = caller(Caller.Role.MEMBER, Caller.Visibility.OWNER_AND_MANAGERS);
        assertThat(member.onlyOwnUserId()).isEqualTo("user-1");
        assertThat(member.sees("user-1")).isTrue();
        assertThat(member.sees("user-2")).isFalse();
        assertThat(member.sees(null)).isFalse();
        assertThat(member.sees("user-2")).isFalse();

        Caller manager = caller(Caller.Role.MANAGER, Caller.Visibility.OWNER_AND_MANAGERS);
        assertThat(manager.onlyOwnUserId()).isNull();
        assertThat(manager.sees("user-2")).isTrue();
        assertThat(manager.sees(null)).isTrue();
    }
}
