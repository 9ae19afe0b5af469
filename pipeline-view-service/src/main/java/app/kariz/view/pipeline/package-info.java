/**
 * The pipelines as the view knows them, for boards and stage names.
 */
package app.kariz.view.pipeline;
