/**
 * Read-your-writes: the positions of each caller's own recent writes, added to its later reads.
 */
package app.kariz.gateway.consistency;
