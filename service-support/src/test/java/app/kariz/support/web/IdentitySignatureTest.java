package app.kariz.support.web;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentitySignatureTest {

    /** The design's test vector, which the gateway tests too: both sides must agree byte for byte. */
    static Map<String, String> testVectorHeaders() {
        Map<String, String> headers = new HashMap<>();
        headers.put(Caller.ORGANIZATION_HEADER, "org-1");
        headers.put(Caller.USER_HEADER, "user-1");
        headers.put(Caller.ROLE_HEADER, "MEMBER");
        headers.put(Caller.VISIBILITY_HEADER, "OWNER_AND_MANAGERS");
        headers.put(Caller.TIME_ZONE_HEADER, "Asia/Tehran");
        headers.put(IdentitySignature.ISSUED_AT_HEADER, "1800000000");
        return headers;
    }

    @Test
    void signsTheDesignsTestVector() {
        assertThat(new IdentitySignature("test-secret").sign("GET", "/api/v1/deals/d-1", testVectorHeaders()::get))
                .isEqualTo("v1=20x75WzlTGll1eUBZ0qQ3Boxbu4cAwb0BgnReXY3oZU");
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
        platformAdmin.remove(Caller.ORGANIZATION_HEADER);
        Map<String, String> emptyOrganization = testVectorHeaders();
        emptyOrganization.put(Caller.ORGANIZATION_HEADER, "");

        assertThat(signature.sign("GET", "/p", platformAdmin::get))
                .isEqualTo(signature.sign("GET", "/p", emptyOrganization::get))
                .isNotEqualTo(signature.sign("GET", "/p", testVectorHeaders()::get));
    }

    @Test
    void everySignedPartChangesTheSignature() {
        IdentitySignature signature = new IdentitySignature("test-secret");
        String original = signature.sign("GET", "/api/v1/deals/d-1", testVectorHeaders()::get);

        assertThat(signature.sign("POST", "/api/v1/deals/d-1", testVectorHeaders()::get)).isNotEqualTo(original);
        assertThat(signature.sign("GET", "/api/v1/deals/d-2", testVectorHeaders()::get)).isNotEqualTo(original);
        for (String header : testVectorHeaders().keySet()) {
            Map<String, String> changed = testVectorHeaders();
            changed.put(header, changed.get(header) + "x");
            assertThat(signature.sign("GET", "/api/v1/deals/d-1", changed::get)).as(header).isNotEqualTo(original);
        }
        assertThat(new IdentitySignature("other-secret").sign("GET", "/api/v1/deals/d-1", testVectorHeaders()::get))
                .isNotEqualTo(original);
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> new IdentitySignature("")).isInstanceOf(IllegalArgumentException.class);
    }
}
