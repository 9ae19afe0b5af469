/**
 * Rate limits per token, with the headers that tell a client its budget.
 */
package app.kariz.gateway.ratelimit;
