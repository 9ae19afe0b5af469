package app.kariz.support.web;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.contract.identity.IdentitySignature;
import app.kariz.testing.identity.SignedIdentity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityVerificationTest {

    /** The design's test vector (docs/identity-and-tenancy.md), whose signature the contract module pins. */
    private static Map<String, String> testVectorHeaders() {
        Map<String, String> headers = SignedIdentity.identity("org-1", "user-1", "MEMBER", "OWNER_AND_MANAGERS",
                "Asia/Tehran");
        headers.put(IdentityHeaders.ISSUED_AT, "1800000000");
        return headers;
    }

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private static final String SECRET = "test-secret";

    private final IdentityVerification filter = IdentityVerification.verifying(SECRET,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static MockHttpServletRequest request(String method, String path, Map<String, String> headers) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        headers.forEach(request::addHeader);
        return request;
    }

    /** The design's test vector, signed by the gateway with the shared secret at {@code issuedAt}. */
    private static MockHttpServletRequest signed(String method, String path, long issuedAt) {
        Map<String, String> headers = testVectorHeaders();
        headers.put(IdentityHeaders.ISSUED_AT, Long.toString(issuedAt));
        headers.put(IdentityHeaders.SIGNATURE, new IdentitySignature(SECRET).sign(method, path, headers::get));
        return request(method, path, headers);
    }

    private record Outcome(MockHttpServletResponse response, boolean passed) {
    }

    private Outcome filter(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Outcome(response, chain.getRequest() != null);
    }

    private static void assertRefused(Outcome outcome) throws Exception {
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.response().getStatus()).isEqualTo(401);
        assertThat(outcome.response().getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(outcome.response().getContentAsString());
        assertThat(problem.get("type").asText()).isEqualTo("urn:kariz:problem:unauthenticated");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @Test
    void theDesignsTestVectorPasses() throws Exception {
        Map<String, String> headers = testVectorHeaders();
        headers.put(IdentityHeaders.SIGNATURE, "v1=20x75WzlTGll1eUBZ0qQ3Boxbu4cAwb0BgnReXY3oZU");

        Outcome outcome = filter(request("GET", "/api/v1/deals/d-1", headers));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.response().getStatus()).isEqualTo(200);
    }

    @Test
    void aCorrectSignatureWithinTheSkewPasses() throws Exception {
        assertThat(filter(signed("POST", "/api/v1/deals", NOW.getEpochSecond() - 300)).passed()).isTrue();
        assertThat(filter(signed("POST", "/api/v1/deals", NOW.getEpochSecond() + 300)).passed()).isTrue();
    }

    @Test
    void unsignedHeadersAreRefused() throws Exception {
        assertRefused(filter(request("GET", "/api/v1/deals/d-1", testVectorHeaders())));
    }

    @Test
    void aSignatureWithoutItsTimeOfIssueIsRefused() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/deals/d-1");
        request.addHeader(IdentityHeaders.SIGNATURE, "v1=20x75WzlTGll1eUBZ0qQ3Boxbu4cAwb0BgnReXY3oZU");

        assertRefused(filter(request));
    }

    @Test
    void aWrongSignatureIsRefused() throws Exception {
        Map<String, String> headers = testVectorHeaders();
        headers.put(IdentityHeaders.SIGNATURE, new IdentitySignature("guessed-secret")
                .sign("GET", "/api/v1/deals/d-1", headers::get));

        assertRefused(filter(request("GET", "/api/v1/deals/d-1", headers)));
    }

    @Test
    void aSignatureReplayedOnAnotherPathOrMethodIsRefused() throws Exception {
        MockHttpServletRequest original = signed("GET", "/api/v1/deals/d-1", NOW.getEpochSecond());
        Map<String, String> captured = testVectorHeaders();
        captured.put(IdentityHeaders.ISSUED_AT, original.getHeader(IdentityHeaders.ISSUED_AT));
        captured.put(IdentityHeaders.SIGNATURE, original.getHeader(IdentityHeaders.SIGNATURE));

        assertRefused(filter(request("GET", "/api/v1/deals/d-2", captured)));
        assertRefused(filter(request("DELETE", "/api/v1/deals/d-1", captured)));
    }

    @Test
    void aHeaderChangedAfterSigningIsRefused() throws Exception {
        MockHttpServletRequest request = signed("GET", "/api/v1/deals/d-1", NOW.getEpochSecond());
        request.removeHeader(IdentityHeaders.ROLE);
        request.addHeader(IdentityHeaders.ROLE, "ADMIN");

        assertRefused(filter(request));
    }

    @Test
    void aStaleOrFutureSignatureIsRefusedEvenWhenCorrect() throws Exception {
        assertRefused(filter(signed("GET", "/api/v1/deals/d-1", NOW.getEpochSecond() - 301)));
        assertRefused(filter(signed("GET", "/api/v1/deals/d-1", NOW.getEpochSecond() + 301)));
    }

    @Test
    void aTimeOfIssueThatIsNotANumberIsRefused() throws Exception {
        Map<String, String> headers = testVectorHeaders();
        headers.put(IdentityHeaders.ISSUED_AT, "yesterday");
        headers.put(IdentityHeaders.SIGNATURE, new IdentitySignature(SECRET)
                .sign("GET", "/api/v1/deals/d-1", headers::get));

        assertRefused(filter(request("GET", "/api/v1/deals/d-1", headers)));
    }

    @Test
    void theRawPathIsSignedNotTheDecodedOne() throws Exception {
        MockHttpServletRequest request = signed("GET", "/api/v1/deals/d%2D1", NOW.getEpochSecond());

        assertThat(filter(request).passed()).isTrue();
        request.setRequestURI("/api/v1/deals/d-1");
        assertRefused(filter(request));
    }

    @Test
    void withoutASecretTheServiceRefusesToStart() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> IdentityVerification.configured(null, false, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kariz.identity.secret")
                .hasMessageContaining("kariz.identity.unsigned-headers-trusted=true");
        assertThatThrownBy(() -> IdentityVerification.configured(" ", false, clock))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unsignedHeadersPassOnlyWhenExplicitlyTrustedWithoutASecret() throws Exception {
        IdentityVerification trusting = IdentityVerification.configured("", true, Clock.systemUTC());
        MockFilterChain chain = new MockFilterChain();
        trusting.doFilter(request("GET", "/api/v1/deals/d-1", testVectorHeaders()),
                new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();

        IdentityVerification withSecret = IdentityVerification.configured(SECRET, true, Clock.systemUTC());
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain refusedChain = new MockFilterChain();
        withSecret.doFilter(request("GET", "/api/v1/deals/d-1", testVectorHeaders()),
                response, refusedChain);
        assertThat(response.getStatus()).isEqualTo(401);
    }
}
