/**
 * A deal's timeline: planned activities and its history, paged.
 */
package app.kariz.view.timeline;
