/**
 * Publishing a deal's or pipeline's events again when a consumer found a gap in them.
 */
package app.kariz.deal.republish;
