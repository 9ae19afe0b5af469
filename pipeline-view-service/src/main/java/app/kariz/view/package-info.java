/**
 * The pipeline view service: read models of deals and activities built from the event topics, and the queries over
 * them.
 */
package app.kariz.view;
