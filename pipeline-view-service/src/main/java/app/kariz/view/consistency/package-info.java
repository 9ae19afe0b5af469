/**
 * Applying each aggregate's events in order exactly once, healing gaps, and read-your-writes waits.
 */
package app.kariz.view.consistency;
