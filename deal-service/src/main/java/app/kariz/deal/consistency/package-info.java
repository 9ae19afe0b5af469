/**
 * Sending commands and answering with the positions of the events they wrote, for read-your-writes.
 */
package app.kariz.deal.consistency;
