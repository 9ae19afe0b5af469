/**
 * What every aggregate shares: the refusals a business rule answers with, and the rules of text and of partial
 * updates.
 */
package app.kariz.kernel;
