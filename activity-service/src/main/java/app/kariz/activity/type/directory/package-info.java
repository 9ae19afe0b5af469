/**
 * The activity types as stored for lookups, kept up to date from the catalog's events.
 */
package app.kariz.activity.type.directory;
