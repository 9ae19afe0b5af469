/**
 * The id that ties a public API request to everything it causes, as the gateway and the services both read it.
 */
package app.kariz.contract.request;
