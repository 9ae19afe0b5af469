/**
 * The signed identity the gateway sends every service with each request.
 */
package app.kariz.gateway.signing;
