/**
 * The durable file backend: snapshots and a journal written before a write is acknowledged.
 */
package app.kariz.mongo.embedded.storage;
