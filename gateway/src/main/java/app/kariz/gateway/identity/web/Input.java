package app.kariz.gateway.identity.web;

import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the fields of one request body and collects every invalid one, so the client learns of all of them in
 * one 422 answer. Text is stripped of surrounding white space first and may be in any script; lengths count
 * characters as the services do.
 */
final class Input {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final Set<String> LOCALES = Set.of("fa", "en");

    /** Something, an at sign, a domain with a dot; no white space. Delivery is the only real test of an address. */
    private static final Pattern PLAUSIBLE_EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    String name(String field, String value, boolean required) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null) {
            return required ? invalid(field, "must not be blank") : null;
        }
        if (stripped.isEmpty()) {
            return invalid(field, "must not be blank");
        }
        if (stripped.length() > MAX_NAME) {
            return invalid(field, "must be at most " + MAX_NAME + " characters long");
        }
        return stripped;
    }

    String email(String field, String value) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            return invalid(field, "must not be blank");
        }
        if (stripped.length() > MAX_EMAIL) {
            return invalid(field, "must be at most " + MAX_EMAIL + " characters long");
        }
        if (!PLAUSIBLE_EMAIL.matcher(stripped).matches() || stripped.chars().anyMatch(Character::isISOControl)) {
            return invalid(field, "must be an email address");
        }
        return stripped;
    }

    /** An IANA zone id such as {@code Asia/Tehran}; offsets like {@code +03:30} are not zones. */
    ZoneId timeZone(String field, String value, boolean required) {
        if (value == null) {
            return required ? invalid(field, "must not be blank") : null;
        }
        String stripped = value.strip();
        if (!ZoneId.getAvailableZoneIds().contains(stripped)) {
            return invalid(field, "must be an IANA time zone such as Asia/Tehran");
        }
        return ZoneId.of(stripped);
    }

    String locale(String field, String value, boolean required) {
        if (value == null) {
            return required ? invalid(field, "must not be blank") : null;
        }
        String stripped = value.strip();
        return LOCALES.contains(stripped) ? stripped : invalid(field, "must be one of fa, en");
    }

    Role role(String field, String value, boolean required) {
        if (value == null) {
            return required ? invalid(field, "must not be blank") : null;
        }
        List<Role> userRoles = Arrays.stream(Role.values()).filter(Role::isUserRole).toList();
        return userRoles.stream().filter(role -> role.name().equals(value.strip())).findFirst()
                .orElseGet(() -> invalid(field, "must be one of " + names(userRoles)));
    }

    Visibility visibility(String field, String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(Visibility.values()).filter(v -> v.name().equals(value.strip())).findFirst()
                .orElseGet(() -> invalid(field, "must be one of " + names(List.of(Visibility.values()))));
    }

    /** Ends the request with a 422 problem naming every invalid field, if there is one. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidInput(errors));
        }
    }

    private <T> T invalid(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return null;
    }

    private static String names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
