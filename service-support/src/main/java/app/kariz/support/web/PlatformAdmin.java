package app.kariz.support.web;

import app.kariz.kernel.access.Caller;

/**
 * The platform administrator, as a controller parameter: such a request carries no organisation, so a
 * {@link Caller} cannot be resolved for it, and a parameter of this type refuses everyone else (401 without an
 * identity, 403 for an organisation's user).
 */
public record PlatformAdmin(String userId) {
}
