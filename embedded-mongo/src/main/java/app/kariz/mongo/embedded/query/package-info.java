/**
 * The planner that picks an index for a query, as MongoDB's does for the shapes Kariz sends.
 */
package app.kariz.mongo.embedded.query;
