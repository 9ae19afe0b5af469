/**
 * Ordered secondary and unique indexes that answer ranges, prefixes and sorts.
 */
package app.kariz.mongo.embedded.index;
