/**
 * The signed identity a gateway sends, for the services' tests.
 */
package app.kariz.testing.identity;
