package app.kariz.gateway.identity.publish;

import app.kariz.gateway.identity.IdentityStore.UnpublishedOrganization;

/** Sends an organisation's creation event on its way; returns once the broker has it durably. */
interface OrganizationPublisher {

    /** @throws Exception when it is not certain that the event was stored; the outbox tries again later */
    void publish(UnpublishedOrganization organization) throws Exception;
}
