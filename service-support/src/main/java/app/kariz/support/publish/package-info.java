/**
 * Kafka producing: topics, record headers and republish requests.
 */
package app.kariz.support.publish;
