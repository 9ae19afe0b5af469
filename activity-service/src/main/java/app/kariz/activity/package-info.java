/**
 * The activity service: activities scheduled on deals, done, postponed and cancelled, and the organisation's
 * activity types; the activity feature's roles are its sub-packages.
 */
package app.kariz.activity;
