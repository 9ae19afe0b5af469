/**
 * Signing in with an OIDC provider's JWTs, when one is configured.
 */
package app.kariz.gateway.oidc;
