package app.kariz.gateway.identity.web;

import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import app.kariz.gateway.identity.Organization;
import app.kariz.gateway.identity.User;

import java.time.Instant;
import java.util.List;

/** The response bodies of the identity endpoints. Tokens appear only in the answer that issues them. */
final class IdentityResponses {

    private IdentityResponses() {
    }

    record OrganizationResponse(String id, String name, String timeZone, String locale, Visibility visibility,
                                Instant createdAt) {

        static OrganizationResponse of(Organization organization) {
            return new OrganizationResponse(organization.id(), organization.name(), organization.timeZone().getId(),
                    organization.locale(), organization.visibility(), organization.createdAt());
        }
    }

    /** @param timeZone the user's own zone, null when they follow the organisation's; likewise {@code locale} */
    record UserResponse(String id, String organizationId, String name, String email, Role role, String timeZone,
                        String locale, Instant createdAt) {

        static UserResponse of(User user) {
            return new UserResponse(user.id(), user.organizationId(), user.name(), user.email(), user.role(),
                    user.timeZone() == null ? null : user.timeZone().getId(), user.locale(), user.createdAt());
        }
    }

    /** A new user with their first API token, shown this once. */
    record CreatedUserResponse(String id, String organizationId, String name, String email, Role role,
                               String timeZone, String locale, Instant createdAt, String apiToken) {

        static CreatedUserResponse of(User user, String apiToken) {
            UserResponse view = UserResponse.of(user);
            return new CreatedUserResponse(view.id(), view.organizationId(), view.name(), view.email(), view.role(),
                    view.timeZone(), view.locale(), view.createdAt(), apiToken);
        }
    }

    record ApiTokenResponse(String apiToken) {
    }

    record MeResponse(UserResponse user, OrganizationResponse organization) {
    }

    record Items<T>(List<T> items) {
    }
}
