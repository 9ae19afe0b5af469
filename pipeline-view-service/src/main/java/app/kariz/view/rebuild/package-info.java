/**
 * Rebuilding the view from the topics into a new generation while the current one is served.
 */
package app.kariz.view.rebuild;
