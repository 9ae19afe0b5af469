package app.kariz.gateway.routing;

import app.kariz.gateway.Service;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The table's rules that the gateway's answers rely on. */
class ApiRoutesTest {

    @Test
    void everyOperationOnAdminPathsIsThePlatformAdministratorsAndNoOtherIs() {
        for (ApiRoute route : ApiRoutes.v1()) {
            boolean adminPath = route.path().getPatternString().startsWith(ApiRoutes.ADMIN_PREFIX);
            assertThat(route.access() == Access.PLATFORM_ADMIN).as(route.id()).isEqualTo(adminPath);
        }
    }

    @Test
    void theGatewaysOwnOperationsAreInTheTable() {
        List<String> gateway = ApiRoutes.v1().stream().filter(route -> route.service() == Service.GATEWAY)
                .map(route -> route.method().name() + " " + route.path().getPatternString()).toList();
        assertThat(gateway).contains("GET /api/v1/me", "POST /api/v1/admin/organizations",
                "DELETE /api/v1/users/{id}/tokens", "PATCH /api/v1/organization");
    }

    @Test
    void noTwoOperationsShareAMethodAndPath() {
        List<String> operations = ApiRoutes.v1().stream()
                .map(route -> route.method().name() + " " + route.path().getPatternString()).toList();
        assertThat(operations).doesNotHaveDuplicates();
    }
}
