package app.kariz.view.consistency;

import app.kariz.events.Position;

/** Asks the service that owns an aggregate to publish its events again, from {@code firstMissing} on. */
@FunctionalInterface
public interface HealRequests {

    void request(Position firstMissing);
}
