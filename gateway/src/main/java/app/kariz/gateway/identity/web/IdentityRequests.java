package app.kariz.gateway.identity.web;

import app.kariz.contract.identity.Visibility;
import app.kariz.gateway.identity.Identities;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.ZoneId;
import java.util.Optional;

/** The request bodies of the identity endpoints, as clients send them, and their validation. */
final class IdentityRequests {

    private IdentityRequests() {
    }

    /** {@code POST /api/v1/admin/organizations}; visibility defaults to {@code EVERYONE}. */
    record NewOrganizationRequest(String name, String timeZone, String locale, String visibility) {

        Identities.NewOrganization validated() {
            Input input = new Input();
            String validName = input.name("name", name, true);
            ZoneId zone = input.timeZone("timeZone", timeZone, true);
            String validLocale = input.locale("locale", locale, true);
            Visibility validVisibility = input.visibility("visibility", visibility);
            input.throwIfInvalid();
            return new Identities.NewOrganization(validName, zone, validLocale,
                    validVisibility == null ? Visibility.EVERYONE : validVisibility);
        }
    }

    /** {@code POST /api/v1/users} and {@code POST /api/v1/admin/organizations/{orgId}/users}. */
    record NewUserRequest(String name, String email, String role, String timeZone, String locale) {

        Identities.NewUser validated() {
            Input input = new Input();
            var user = new Identities.NewUser(input.name("name", name, true), input.email("email", email),
                    input.role("role", role, true), input.timeZone("timeZone", timeZone, false),
                    input.locale("locale", locale, false));
            input.throwIfInvalid();
            return user;
        }
    }

    /** {@code PATCH /api/v1/organization}: absent or null fields stay as they are. */
    record OrganizationChangeRequest(String name, String timeZone, String locale, String visibility) {

        Identities.OrganizationChange validated() {
            Input input = new Input();
            var change = new Identities.OrganizationChange(input.name("name", name, false),
                    input.timeZone("timeZone", timeZone, false), input.locale("locale", locale, false),
                    input.visibility("visibility", visibility));
            input.throwIfInvalid();
            return change;
        }
    }

    /**
     * {@code PATCH /api/v1/users/{id}}: absent fields stay as they are; {@code timeZone} or {@code locale} sent as
     * {@code null} clear the user's own, so the organisation's apply again (hence the {@code Optional}s: absent is
     * {@code null}, an explicit JSON null is empty). Read from the JSON tree by {@link #of(JsonNode)}, because
     * Jackson gives a record's absent {@code Optional} the same empty value as an explicit null.
     */
    record UserChangeRequest(String name, String role, Optional<String> timeZone, Optional<String> locale) {

        static UserChangeRequest of(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw new ProblemException(Problem.badRequest("The request body must be a JSON object."));
            }
            return new UserChangeRequest(text(body.get("name")), text(body.get("role")),
                    body.has("timeZone") ? Optional.ofNullable(text(body.get("timeZone"))) : null,
                    body.has("locale") ? Optional.ofNullable(text(body.get("locale"))) : null);
        }

        private static String text(JsonNode field) {
            return field == null || field.isNull() ? null : field.isValueNode() ? field.asText() : field.toString();
        }

        Identities.UserChange validated() {
            Input input = new Input();
            var change = new Identities.UserChange(input.name("name", name, false), input.role("role", role, false),
                    timeZone == null ? null : timeZone.map(zone -> input.timeZone("timeZone", zone, true)),
                    locale == null ? null : locale.map(value -> input.locale("locale", value, true)));
            input.throwIfInvalid();
            return change;
        }
    }
}
