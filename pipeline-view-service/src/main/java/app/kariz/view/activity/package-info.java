/**
 * One activity as the view shows it, with its deal's title.
 */
package app.kariz.view.activity;
