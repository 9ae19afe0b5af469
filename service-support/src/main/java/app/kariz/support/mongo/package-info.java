/**
 * MongoDB wiring: clients, durability and state that may be rebuilt.
 */
package app.kariz.support.mongo;
