/**
 * The activity aggregate, its commands and the rules of due dates and postponements: domain code, free of web,
 * Kafka and Mongo.
 */
package app.kariz.activity.command;
