/**
 * The pipeline aggregate and its commands: domain code, free of web, Kafka and Mongo.
 */
package app.kariz.deal.pipeline.command;
