/**
 * Publishing an activity's events again when a consumer found a gap in them.
 */
package app.kariz.activity.republish;
