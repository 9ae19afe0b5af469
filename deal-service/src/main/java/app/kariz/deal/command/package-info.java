/**
 * The deal aggregate, its commands and its versions: domain code, free of web, Kafka and Mongo.
 */
package app.kariz.deal.command;
