/**
 * What a new organisation gets when it is created: its default pipeline.
 */
package app.kariz.deal.organization;
