/**
 * Who is calling and which records its requests may reach, the one tenant and visibility guard.
 */
package app.kariz.kernel.access;
