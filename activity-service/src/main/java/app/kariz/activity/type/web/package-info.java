/**
 * The activity types' REST endpoints.
 */
package app.kariz.activity.type.web;
