package app.kariz.events;

/**
 * Every event on Kariz's public topics: a deal, activity or pipeline event. Each belongs to exactly one
 * organisation; consumers must never mix organisations.
 */
public interface KarizEvent {

    String organizationId();
}
