package app.kariz.support.web;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.kernel.ForbiddenException;
import app.kariz.kernel.access.Caller;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shared web conventions as a service gets them by importing {@link WebConfiguration}: the gateway's signed
 * identity checked on every {@code /api/**} request, the caller resolved from it, and 401/403 as problem+json.
 */
class CallerOverHttpTest {

    static final String SECRET = "over-http-secret";

    @SpringBootConfiguration
    @ImportAutoConfiguration({DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @Import({WebConfiguration.class, Probe.class})
    static class Service {
    }

    /** Answers who the resolved caller is. */
    @RestController
    static class Probe {

        @GetMapping("/api/v1/whoami")
        Map<String, Object> whoami(Caller caller) {
            return Map.of("organizationId", caller.organizationId(), "userId", caller.userId(),
                    "role", caller.role(), "visibility", caller.visibility(), "timeZone", caller.timeZone(),
                    "restricted", caller.restricted());
        }

        @GetMapping("/api/v1/settings")
        String settings(Caller caller) {
            caller.requireAdmin();
            return "changed";
        }

        @GetMapping("/api/v1/things/{owner}")
        String thing(@PathVariable String owner, Caller caller) {
            if (!caller.sees(owner)) {
                throw new ForbiddenException("ownerId", "must be yourself");
            }
            return "ok";
        }

        @GetMapping("/api/v1/admin/rebuilds")
        String rebuilds(PlatformAdmin admin) {
            return admin.userId();
        }

        @GetMapping("/internal/ping")
        String ping() {
            return "pong";
        }
    }

    private static MockHttpServletRequestBuilder identified(MockHttpServletRequestBuilder request,
                                                            Map<String, String> headers) {
        headers.forEach(request::header);
        return request;
    }

    private static Map<String, String> member(String visibility) {
        Map<String, String> headers = new HashMap<>();
        headers.put(IdentityHeaders.ORGANIZATION, "org-1");
        headers.put(IdentityHeaders.USER, "user-1");
        headers.put(IdentityHeaders.ROLE, "MEMBER");
        headers.put(IdentityHeaders.VISIBILITY, visibility);
        return headers;
    }

    @Nested
    @SpringBootTest(classes = Service.class, properties = "kariz.identity.unsigned-headers-trusted=true")
    @AutoConfigureMockMvc
    class CallerResolution {

        @Autowired
        MockMvc http;

        @Test
        void aRestrictedMemberIsResolvedWithRoleAndVisibility() throws Exception {
            Map<String, String> headers = member("OWNER_AND_MANAGERS");
            headers.put(IdentityHeaders.TIME_ZONE, "Europe/Berlin");

            http.perform(identified(get("/api/v1/whoami"), headers))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.organizationId").value("org-1"))
                    .andExpect(jsonPath("$.userId").value("user-1"))
                    .andExpect(jsonPath("$.role").value("MEMBER"))
                    .andExpect(jsonPath("$.visibility").value("OWNER_AND_MANAGERS"))
                    .andExpect(jsonPath("$.timeZone").value("Europe/Berlin"))
                    .andExpect(jsonPath("$.restricted").value(true));
        }

        @Test
        void onlyAMemberUnderOwnerAndManagersIsRestricted() throws Exception {
            http.perform(identified(get("/api/v1/whoami"), member("EVERYONE")))
                    .andExpect(jsonPath("$.restricted").value(false))
                    .andExpect(jsonPath("$.timeZone").value("Asia/Tehran"));
            Map<String, String> manager = member("OWNER_AND_MANAGERS");
            manager.put(IdentityHeaders.ROLE, "MANAGER");
            http.perform(identified(get("/api/v1/whoami"), manager))
                    .andExpect(jsonPath("$.restricted").value(false));
        }

        @Test
        void withoutARoleOrVisibilityTheRequestIsUnauthenticated() throws Exception {
            for (String missing : new String[]{IdentityHeaders.ROLE, IdentityHeaders.VISIBILITY,
                    IdentityHeaders.ORGANIZATION, IdentityHeaders.USER}) {
                Map<String, String> headers = member("EVERYONE");
                headers.remove(missing);
                http.perform(identified(get("/api/v1/whoami"), headers))
                        .andExpect(status().isUnauthorized())
                        .andExpect(content().contentType("application/problem+json"))
                        .andExpect(jsonPath("$.type").value("urn:kariz:problem:unauthenticated"));
            }
        }

        @Test
        void anUnknownRoleOrVisibilityIsUnauthenticated() throws Exception {
            Map<String, String> unknownRole = member("EVERYONE");
            unknownRole.put(IdentityHeaders.ROLE, "OWNER");
            http.perform(identified(get("/api/v1/whoami"), unknownRole)).andExpect(status().isUnauthorized());
            http.perform(identified(get("/api/v1/whoami"), member("everyone"))).andExpect(status().isUnauthorized());
        }

        @Test
        void thePlatformAdministratorHasNoOrganisationToActIn() throws Exception {
            Map<String, String> platformAdmin = Map.of(IdentityHeaders.USER, "platform-admin",
                    IdentityHeaders.ROLE, "PLATFORM_ADMIN");

            http.perform(identified(get("/api/v1/whoami"), platformAdmin))
                    .andExpect(status().isUnauthorized());
            http.perform(identified(get("/api/v1/admin/rebuilds"), platformAdmin))
                    .andExpect(status().isOk())
                    .andExpect(content().string("platform-admin"));
        }

        @Test
        void platformAdministrationRefusesOrganisationUsersAndStrangers() throws Exception {
            Map<String, String> admin = member("EVERYONE");
            admin.put(IdentityHeaders.ROLE, "ADMIN");

            http.perform(identified(get("/api/v1/admin/rebuilds"), admin))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:forbidden"));
            http.perform(get("/api/v1/admin/rebuilds"))
                    .andExpect(status().isUnauthorized());
        }

        @Test
        void onlyAdminsPassRequireAdmin() throws Exception {
            Map<String, String> admin = member("EVERYONE");
            admin.put(IdentityHeaders.ROLE, "ADMIN");
            Map<String, String> manager = member("EVERYONE");
            manager.put(IdentityHeaders.ROLE, "MANAGER");

            http.perform(identified(get("/api/v1/settings"), admin)).andExpect(status().isOk());
            http.perform(identified(get("/api/v1/settings"), manager))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:forbidden"))
                    .andExpect(jsonPath("$.status").value(403))
                    .andExpect(jsonPath("$.errors").doesNotExist());
        }

        @Test
        void aForbiddenFieldIsNamed() throws Exception {
            http.perform(identified(get("/api/v1/things/user-1"), member("OWNER_AND_MANAGERS")))
                    .andExpect(status().isOk());
            http.perform(identified(get("/api/v1/things/user-2"), member("OWNER_AND_MANAGERS")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:forbidden"))
                    .andExpect(jsonPath("$.errors[0].field").value("ownerId"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be yourself"));
            http.perform(identified(get("/api/v1/things/user-2"), member("EVERYONE")))
                    .andExpect(status().isOk());
        }
    }

    @Nested
    @SpringBootTest(classes = Service.class, properties = "kariz.identity.secret=" + SECRET)
    @AutoConfigureMockMvc
    class SignedIdentity {

        @Autowired
        MockMvc http;

        /** The identity headers as the gateway sends them for a GET of {@code path}, signed just now. */
        private Map<String, String> signedFor(String path, Map<String, String> identity) {
            return app.kariz.testing.identity.SignedIdentity.signed(SECRET, "GET", path, identity, Instant.now());
        }

        @Test
        void aSignedRequestReachesTheController() throws Exception {
            http.perform(identified(get("/api/v1/whoami"), signedFor("/api/v1/whoami", member("EVERYONE"))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.userId").value("user-1"));
        }

        @Test
        void everyApiRequestNeedsTheSignatureEvenOneWithoutIdentity() throws Exception {
            http.perform(identified(get("/api/v1/whoami"), member("EVERYONE")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("urn:kariz:problem:unauthenticated"));
            http.perform(get("/api/v1/admin/rebuilds"))
                    .andExpect(status().isUnauthorized());
        }

        @Test
        void aSignatureForAnotherPathIsRefused() throws Exception {
            Map<String, String> forUser1 = signedFor("/api/v1/things/user-1", member("EVERYONE"));

            http.perform(identified(get("/api/v1/things/user-1"), forUser1)).andExpect(status().isOk());
            http.perform(identified(get("/api/v1/things/user-2"), forUser1))
                    .andExpect(status().isUnauthorized());
        }

        @Test
        void requestsOutsideTheApiAreNotChecked() throws Exception {
            http.perform(get("/internal/ping")).andExpect(status().isOk());
        }
    }

    @Test
    void withoutASecretTheServiceDoesNotStart() {
        new WebApplicationContextRunner()
                .withUserConfiguration(WebConfiguration.class)
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("kariz.identity.secret")
                        .hasMessageContaining("KARIZ_INTERNAL_SECRET"));
    }

    @Test
    void withASecretOrExplicitTrustItStarts() {
        new WebApplicationContextRunner()
                .withUserConfiguration(WebConfiguration.class)
                .withPropertyValues("kariz.identity.secret=" + SECRET)
                .run(context -> assertThat(context).hasNotFailed());
        new WebApplicationContextRunner()
                .withUserConfiguration(WebConfiguration.class)
                .withPropertyValues("kariz.identity.unsigned-headers-trusted=true")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
