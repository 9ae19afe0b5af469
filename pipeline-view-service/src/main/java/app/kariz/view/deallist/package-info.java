/**
 * The deal list, the attention list and search over an organisation's deals.
 */
package app.kariz.view.deallist;
