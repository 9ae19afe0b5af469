/**
 * A real Kafka broker in the test JVM.
 */
package app.kariz.testing.kafka;
