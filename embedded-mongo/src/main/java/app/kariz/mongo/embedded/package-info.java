/**
 * The embedded MongoDB server: mongo-java-server with indexes that serve queries and a durable store.
 */
package app.kariz.mongo.embedded;
