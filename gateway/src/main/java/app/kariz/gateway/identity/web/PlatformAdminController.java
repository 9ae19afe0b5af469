package app.kariz.gateway.identity.web;

import app.kariz.gateway.identity.DuplicateEmailException;
import app.kariz.gateway.identity.Identities;
import app.kariz.gateway.identity.web.IdentityRequests.NewOrganizationRequest;
import app.kariz.gateway.identity.web.IdentityRequests.NewUserRequest;
import app.kariz.gateway.identity.web.IdentityResponses.CreatedUserResponse;
import app.kariz.gateway.identity.web.IdentityResponses.Items;
import app.kariz.gateway.identity.web.IdentityResponses.OrganizationResponse;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The platform administrator's endpoints. Only the admin token reaches them (the route table says
 * {@code PLATFORM_ADMIN}); without {@code KARIZ_ADMIN_TOKEN} they answer 404 before getting here.
 */
@RestController
class PlatformAdminController {

    private final Identities identities;

    PlatformAdminController(Identities identities) {
        this.identities = identities;
    }

    @PostMapping("/api/v1/admin/organizations")
    Mono<ResponseEntity<OrganizationResponse>> createOrganization(@RequestBody NewOrganizationRequest request,
                                                                  ServerWebExchange exchange) {
        Identities.NewOrganization valid = request.validated();
        return identities.createOrganization(valid, Callers.requestId(exchange))
                .map(organization -> ResponseEntity.status(HttpStatus.CREATED)
                        .body(OrganizationResponse.of(organization)));
    }

    @GetMapping("/api/v1/admin/organizations")
    Mono<Items<OrganizationResponse>> organizations() {
        return identities.organizations()
                .map(all -> new Items<>(all.stream().map(OrganizationResponse::of).toList()));
    }

    @PostMapping("/api/v1/admin/organizations/{orgId}/users")
    Mono<ResponseEntity<CreatedUserResponse>> createUser(@PathVariable String orgId,
                                                         @RequestBody NewUserRequest request) {
        return createUser(identities, orgId, request);
    }

    /** Shared with the organisation administrator's {@code POST /api/v1/users}. */
    static Mono<ResponseEntity<CreatedUserResponse>> createUser(Identities identities, String organizationId,
                                                                NewUserRequest request) {
        Identities.NewUser valid = request.validated();
        return Callers.orNotFound(identities.createUser(organizationId, valid), "organization " + organizationId)
                .onErrorMap(DuplicateEmailException.class, duplicate -> new ProblemException(Problem.conflict(
                        "The organization has a user with the email " + valid.email() + " already.")))
                .map(created -> ResponseEntity.created(URI.create("/api/v1/users/" + created.user().id()))
                        .body(CreatedUserResponse.of(created.user(), created.apiToken())));
    }
}
