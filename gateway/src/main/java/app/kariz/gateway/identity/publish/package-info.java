/**
 * Publishing new organisations to Kafka through an outbox.
 */
package app.kariz.gateway.identity.publish;
