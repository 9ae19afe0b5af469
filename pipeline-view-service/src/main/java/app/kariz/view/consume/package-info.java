/**
 * The consumer of the event topics and its gap-healing requests.
 */
package app.kariz.view.consume;
