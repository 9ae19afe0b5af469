/**
 * The activities' REST endpoints: requests checked at the edge and turned into commands.
 */
package app.kariz.activity.web;
