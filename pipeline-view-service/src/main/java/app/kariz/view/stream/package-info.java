/**
 * Live board updates over Server-Sent Events, from the log of board changes.
 */
package app.kariz.view.stream;
