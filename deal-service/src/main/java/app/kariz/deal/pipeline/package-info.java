/**
 * Pipelines and their stages, by role: the aggregate and its commands, their endpoints, and the directory of
 * pipelines.
 */
package app.kariz.deal.pipeline;
