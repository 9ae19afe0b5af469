/**
 * Consuming the event topics: decoding records, applying them, dead letters.
 */
package app.kariz.support.consume;
