/**
 * The view's collections, their generations and indexes, and the scoped reads every query goes through.
 */
package app.kariz.view.store;
