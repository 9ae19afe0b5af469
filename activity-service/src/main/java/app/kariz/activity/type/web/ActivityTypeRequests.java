package app.kariz.activity.type.web;

import app.kariz.kernel.Change;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the activity type endpoints; the catalog checks the same rules again. */
final class ActivityTypeRequests {

    private ActivityTypeRequests() {
    }

    record AddActivityTypeRequest(@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "must be 1 to 40 "
                                          + "lowercase letters, digits or hyphens, starting with a letter, like "
                                          + "site-visit") String key,
                                  @NotBlank @Size(max = 100) String name,
                                  Boolean requiresResult) {
    }

    /** Absent fields are kept; none can be cleared ({@code null} is refused). */
    record ChangeActivityTypeRequest(Change<String> name, Change<Boolean> requiresResult, Change<Boolean> active) {
    }
}
