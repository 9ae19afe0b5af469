/**
 * The gateway's own endpoints for organisations and users.
 */
package app.kariz.gateway.identity.web;
