/**
 * The projection: each event written into the read models, idempotently.
 */
package app.kariz.view.projection;
