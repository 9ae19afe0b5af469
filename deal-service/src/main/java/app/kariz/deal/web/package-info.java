/**
 * The deals' REST endpoints, with their preconditions (If-Match) and request records.
 */
package app.kariz.deal.web;
