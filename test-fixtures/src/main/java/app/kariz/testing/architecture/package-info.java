/**
 * The architecture rules every module's tests apply.
 */
package app.kariz.testing.architecture;
