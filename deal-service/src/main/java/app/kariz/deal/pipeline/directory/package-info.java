/**
 * What the service knows of every pipeline outside its aggregate, kept up to date from its events.
 */
package app.kariz.deal.pipeline.directory;
