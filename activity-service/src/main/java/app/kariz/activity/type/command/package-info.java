/**
 * The catalog of an organisation's activity types and its commands, and the port activities check their type
 * through: domain code.
 */
package app.kariz.activity.type.command;
