/**
 * The gateway's server itself: the order of its filters and its connections.
 */
package app.kariz.gateway.server;
