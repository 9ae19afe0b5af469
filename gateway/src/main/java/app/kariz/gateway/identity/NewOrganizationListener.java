package app.kariz.gateway.identity;

/**
 * Told when an organisation was stored, so that its creation is published soon after (the outbox does, when Kafka
 * is configured). An interface here, implemented by the publishing side, so the identity store does not depend on
 * how organisations are published.
 */
public interface NewOrganizationListener {

    void organizationStored();
}
