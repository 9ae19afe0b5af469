/**
 * The services' web edge: the verified caller, request ids, and every refusal as problem+json.
 */
package app.kariz.support.web;
