/**
 * The local launcher: Kafka, the embedded MongoDB and every service in one JVM.
 */
package app.kariz.local;
