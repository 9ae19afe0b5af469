/**
 * Every failure the gateway answers, as problem+json.
 */
package app.kariz.gateway.problem;
