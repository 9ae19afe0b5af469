package app.kariz.contract.identity;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one implementation both the gateway (signing) and the services (verifying) use. */
class IdentitySignatureTest {

    /** The design's test vector (docs/identity-and-tenancy.md). */
    private static Map<String, String> testVectorHeaders() {
        Map<String, String> headers = new HashMap<>();
        headers.put(IdentityHeaders.ORGANIZATION, "org-1");
        headers.put(IdentityHeaders.USER, "user-1");
        headers.put(IdentityHeaders.ROLE, "MEMBER");
        headers.put(IdentityHeaders.VISIBILITY, "OWNER_AND_MANAGERS");
        headers.put(IdentityHeaders.TIME_ZONE, "Asia/Tehran");
        headers.put(IdentityHeaders.ISSUED_AT, "1800000000");
        return headers;
    }

    @Test
    void reproducesTheTestVectorOfTheDesign() {
        assertThat(new IdentitySignature("test-secret").sign("GET", "/api/v1/deals/d-1", testVectorHeaders()::get))
                .isEqualTo("v1=20x75WzlTGll1eUBZ0qQ3Boxbu4cAwb0BgnReXY3oZU");
    }

    @Test
    void theCanonicalStringIsOneFieldPerLineWithAbsentHeadersEmpty() {
        Map<String, String> platformAdmin = Map.of(IdentityHeaders.USER, "platform-admin",
                IdentityHeaders.ROLE, "PLATFORM_ADMIN", IdentityHeaders.ISSUED_AT, "1800000000");

        assertThat(IdentitySignature.canonical("POST", "/api/v1/admin/view-rebuilds", platformAdmin::get))
                .isEqualTo("v1\nPOST\n/api/v1/admin/view-rebuilds\n\nplatform-admin\nPLATFORM_ADMIN\n\n\n1800000000");
    }

    @Test
    void theMethodIsSignedInUpperCase() {
        IdentitySignature signature = new IdentitySignature("test-secret");

        assertThat(signature.sign("get", "/api/v1/deals/d-1", testVectorHeaders()::get))
                .isEqualTo(signature.sign("GET", "/api/v1/deals/d-1", testVectorHeaders()::get));
    }

    @Test
    void anAbsentHeaderIsSignedAsEmptyAndDiffersFromAnyValue() {
        IdentitySignature signature = new IdentitySignature("test-secret");
        Map<String, String> platformAdmin = testVectorHeaders();
        platformAdmin.remove(IdentityHeaders.ORGANIZATION);
        Map<String, String> emptyOrganization = testVectorHeaders();
        emptyOrganization.put(IdentityHeaders.ORGANIZATION, "");

        assertThat(signature.sign("GET", "/p", platformAdmin::get))
                .isEqualTo(signature.sign("GET", "/p", emptyOrganization::get))
                .isNotEqualTo(signature.sign("GET", "/p", testVectorHeaders()::get));
    }

    @Test
    void everySignedPartAndTheSecretChangeTheSignature() {
        IdentitySignature signature = new IdentitySignature("test-secret");
        String original = signature.sign("GET", "/api/v1/deals/d-1", testVectorHeaders()::get);

        assertThat(signature.sign("POST", "/api/v1/deals/d-1", testVectorHeaders()::get)).isNotEqualTo(original);
        assertThat(signature.sign("GET", "/api/v1/deals/d-2", testVectorHeaders()::get)).isNotEqualTo(original);
        for (String header : IdentityHeaders.SIGNED) {
            Map<String, String> changed = testVectorHeaders();
            changed.put(header, changed.get(header) + "x");
            assertThat(signature.sign("GET", "/api/v1/deals/d-1", changed::get)).as(header).isNotEqualTo(original);
        }
        assertThat(new IdentitySignature("other-secret").sign("GET", "/api/v1/deals/d-1", testVectorHeaders()::get))
                .isNotEqualTo(original);
    }

    @Test
    void anEmptySecretIsRefusedAndTheKeyNeverPrinted() {
        assertThatThrownBy(() -> new IdentitySignature("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentitySignature(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new IdentitySignature("test-secret")).hasToString("IdentitySignature[v1]");
    }
}
