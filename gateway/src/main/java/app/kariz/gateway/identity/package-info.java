/**
 * Organisations, users and their API tokens, in the gateway's own store.
 */
package app.kariz.gateway.identity;
