/**
 * The gateway, the one public entry of Kariz: its application, its properties and the services it routes to.
 */
package app.kariz.gateway;
