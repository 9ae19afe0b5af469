/**
 * The Axon event store in MongoDB and its relay to Kafka, with the audit that finds what the relay missed.
 */
package app.kariz.support.eventstore;
