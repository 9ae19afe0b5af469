/**
 * What the service knows of every deal outside its aggregate, for lookups across deals (a stage's deals, an
 * owner's).
 */
package app.kariz.deal.directory;
