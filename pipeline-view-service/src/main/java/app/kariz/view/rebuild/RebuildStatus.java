package app.kariz.view.rebuild;

import java.time.Instant;

/**
 * One rebuild as {@code GET /api/v1/admin/view-rebuilds/{id}} shows it.
 *
 * @param status        {@code RUNNING}, {@code SWITCHED} (the rebuilt generation is served) or {@code FAILED}
 *                      (the generation served before stays served)
 * @param finishedAt    when it switched or failed; null while running
 * @param generation    the generation it builds
 * @param eventsApplied events handed to the projection so far (duplicates included)
 * @param error         why it failed; null otherwise
 */
record RebuildStatus(String id, State status, Instant startedAt, Instant finishedAt, long generation,
                            long eventsApplied, String error) {

    public enum State { RUNNING, SWITCHED, FAILED }
}
