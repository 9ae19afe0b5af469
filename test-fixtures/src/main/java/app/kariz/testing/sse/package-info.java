/**
 * A Server-Sent Events client that reads a stream as a browser does.
 */
package app.kariz.testing.sse;
