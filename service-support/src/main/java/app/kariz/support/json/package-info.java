/**
 * The JSON form of events, as the topics carry it.
 */
package app.kariz.support.json;
