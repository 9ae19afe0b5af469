/**
 * Who is calling: bearer tokens (and OIDC JWTs), the demo user, and which roles may use each route.
 */
package app.kariz.gateway.auth;
