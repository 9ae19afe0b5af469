/**
 * What browsers need: CORS and the security headers on every response.
 */
package app.kariz.gateway.browser;
