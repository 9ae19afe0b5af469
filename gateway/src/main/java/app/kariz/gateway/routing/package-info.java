/**
 * The public operations, which service answers each, and who may call it.
 */
package app.kariz.gateway.routing;
