/**
 * The embedded MongoDB in the test JVM.
 */
package app.kariz.testing.mongo;
