/**
 * How the gateway tells a service who is calling: the identity headers, their signature (version 1 of
 * docs/identity-and-tenancy.md), and the roles and visibility they carry. Both sides use these classes, so the
 * protocol exists once.
 */
package app.kariz.contract.identity;
