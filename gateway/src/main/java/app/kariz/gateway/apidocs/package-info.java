/**
 * The OpenAPI description and Swagger UI, served without a token.
 */
package app.kariz.gateway.apidocs;
