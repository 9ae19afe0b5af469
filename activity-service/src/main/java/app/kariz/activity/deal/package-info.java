/**
 * The deals this service has heard of from the deal topic: who owns them, which activities they hold, and the
 * cancellation of those activities when a deal is deleted.
 */
package app.kariz.activity.deal;
