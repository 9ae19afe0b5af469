/**
 * Bounds on what a request may carry: body size, and undecodable requests answered as problems.
 */
package app.kariz.gateway.limits;
