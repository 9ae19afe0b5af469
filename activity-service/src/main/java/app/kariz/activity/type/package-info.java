/**
 * An organisation's activity types, by role: the catalog aggregate and its commands, their endpoints, and the
 * directory activities are checked against.
 */
package app.kariz.activity.type;
