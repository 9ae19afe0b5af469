package app.kariz.gateway.signing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentitySignatureTest {

    private static final IdentitySignature.Signed VECTOR = new IdentitySignature.Signed("GET", "/api/v1/deals/d-1",
            "org-1", "user-1", "MEMBER", "OWNER_AND_MANAGERS", "Asia/Tehran", 1_800_000_000L);

    @Test
    void reproducesTheTestVectorOfTheDesign() {
        assertThat(new IdentitySignature("test-secret").sign(VECTOR))
                .isEqualTo("v1=20x75WzlTGll1eUBZ0qQ3Boxbu4cAwb0BgnReXY3oZU");
    }

    @Test
    void theCanonicalStringIsOneFieldPerLineWithAbsentHeadersEmpty() {
        var platformAdmin = new IdentitySignature.Signed("POST", "/api/v1/admin/view-rebuilds", null,
                "platform-admin", "PLATFORM_ADMIN", null, null, 1_800_000_000L);
        assertThat(platformAdmin.canonical())
                .isEqualTo("v1\nPOST\n/api/v1/admin/view-rebuilds\n\nplatform-admin\nPLATFORM_ADMIN\n\n\n1800000000");
    }

    @Test
    void everyFieldAndTheSecretChangeTheSignature() {
        String original = new IdentitySignature("test-secret").sign(VECTOR);
        assertThat(new IdentitySignature("other-secret").sign(VECTOR)).isNotEqualTo(original);
        assertThat(new IdentitySignature("test-secret").sign(new IdentitySignature.Signed("GET",
                "/api/v1/deals/d-2", "org-1", "user-1", "MEMBER", "OWNER_AND_MANAGERS", "Asia/Tehran",
                1_800_000_000L))).isNotEqualTo(original);
        assertThat(new IdentitySignature("test-secret").sign(new IdentitySignature.Signed("GET",
                "/api/v1/deals/d-1", "org-1", "user-1", "ADMIN", "OWNER_AND_MANAGERS", "Asia/Tehran",
                1_800_000_000L))).isNotEqualTo(original);
        assertThat(new IdentitySignature("test-secret").sign(new IdentitySignature.Signed("GET",
                "/api/v1/deals/d-1", "org-1", "user-1", "MEMBER", "OWNER_AND_MANAGERS", "Asia/Tehran",
                1_800_000_001L))).isNotEqualTo(original);
    }
}
