package app.kariz.gateway.identity.web;

import app.kariz.contract.identity.Role;
import app.kariz.gateway.identity.Identities;
import app.kariz.gateway.identity.Identity;
import app.kariz.gateway.identity.web.IdentityRequests.NewUserRequest;
import app.kariz.gateway.identity.web.IdentityRequests.OrganizationChangeRequest;
import app.kariz.gateway.identity.web.IdentityRequests.UserChangeRequest;
import app.kariz.gateway.identity.web.IdentityResponses.ApiTokenResponse;
import app.kariz.gateway.identity.web.IdentityResponses.CreatedUserResponse;
import app.kariz.gateway.identity.web.IdentityResponses.Items;
import app.kariz.gateway.identity.web.IdentityResponses.MeResponse;
import app.kariz.gateway.identity.web.IdentityResponses.OrganizationResponse;
import app.kariz.gateway.identity.web.IdentityResponses.UserResponse;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The caller's own organisation, its users and their tokens. Every lookup is scoped to the caller's organisation,
 * so another organisation's ids answer 404 like unknown ones. Which role may call what is the route table's
 * business ({@code ApiRoutes}); only "ADMIN or the user themself" is decided here.
 */
@RestController
class OrganizationController {

    private final Identities identities;

    OrganizationController(Identities identities) {
        this.identities = identities;
    }

    @GetMapping("/api/v1/me")
    Mono<MeResponse> me(ServerWebExchange exchange) {
        Identity caller = Callers.identity(exchange);
        return Callers.orNotFound(identities.user(caller.organizationId(), caller.userId()), "user " + caller.userId())
                .zipWith(organization(caller))
                .map(both -> new MeResponse(UserResponse.of(both.getT1()), both.getT2()));
    }

    @GetMapping("/api/v1/organization")
    Mono<OrganizationResponse> organization(ServerWebExchange exchange) {
        return organization(Callers.identity(exchange));
    }

    @PatchMapping("/api/v1/organization")
    Mono<OrganizationResponse> changeOrganization(@RequestBody OrganizationChangeRequest request,
                                                  ServerWebExchange exchange) {
        Identity caller = Callers.identity(exchange);
        var change = request.validated();
        return Callers.orNotFound(identities.changeOrganization(caller.organizationId(), change),
                "organization " + caller.organizationId()).map(OrganizationResponse::of);
    }

    @GetMapping("/api/v1/users")
    Mono<Items<UserResponse>> users(ServerWebExchange exchange) {
        return identities.users(Callers.identity(exchange).organizationId())
                .map(all -> new Items<>(all.stream().map(UserResponse::of).toList()));
    }

    @GetMapping("/api/v1/users/{id}")
    Mono<UserResponse> user(@PathVariable String id, ServerWebExchange exchange) {
        return Callers.orNotFound(identities.user(Callers.identity(exchange).organizationId(), id), "user " + id)
                .map(UserResponse::of);
    }

    @PostMapping("/api/v1/users")
    Mono<ResponseEntity<CreatedUserResponse>> createUser(@RequestBody NewUserRequest request,
                                                         ServerWebExchange exchange) {
        return PlatformAdminController.createUser(identities, Callers.identity(exchange).organizationId(), request);
    }

    @PatchMapping("/api/v1/users/{id}")
    Mono<UserResponse> changeUser(@PathVariable String id, @RequestBody JsonNode body, ServerWebExchange exchange) {
        var change = UserChangeRequest.of(body).validated();
        return Callers.orNotFound(identities.changeUser(Callers.identity(exchange).organizationId(), id, change),
                "user " + id).map(UserResponse::of);
    }

    @PostMapping("/api/v1/users/{id}/tokens")
    Mono<ResponseEntity<ApiTokenResponse>> issueToken(@PathVariable String id, ServerWebExchange exchange) {
        return Callers.orNotFound(identities.issueToken(Callers.identity(exchange).organizationId(), id), "user " + id)
                .map(token -> ResponseEntity.status(HttpStatus.CREATED).body(new ApiTokenResponse(token)));
    }

    /** An administrator revokes anyone's tokens in their organisation; everyone else only their own. */
    @DeleteMapping("/api/v1/users/{id}/tokens")
    Mono<ResponseEntity<Void>> revokeTokens(@PathVariable String id, ServerWebExchange exchange) {
        Identity caller = Callers.identity(exchange);
        if (caller.role() != Role.ADMIN && !caller.userId().equals(id)) {
            // Another user of the same organisation is no secret (GET /users lists them), so 403 rather than 404.
            return Callers.orNotFound(identities.user(caller.organizationId(), id), "user " + id)
                    .flatMap(other -> Mono.error(new ProblemException(Problem.forbidden(
                            "Only an administrator may revoke another user's tokens."))));
        }
        return identities.revokeTokens(caller.organizationId(), id)
                .flatMap(revoked -> revoked ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(new ProblemException(Problem.notFound("There is no user " + id + "."))));
    }

    private Mono<OrganizationResponse> organization(Identity caller) {
        return Callers.orNotFound(identities.organization(caller.organizationId()),
                "organization " + caller.organizationId()).map(OrganizationResponse::of);
    }
}
