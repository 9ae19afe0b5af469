/**
 * The signal that an event was applied, for read-your-writes waits.
 */
package app.kariz.support.consistency;
