/**
 * The pipelines' REST endpoints, and removing a stage with the deals on it.
 */
package app.kariz.deal.pipeline.web;
