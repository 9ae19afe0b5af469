/**
 * Request ids, W3C trace context and the access log.
 */
package app.kariz.gateway.tracing;
