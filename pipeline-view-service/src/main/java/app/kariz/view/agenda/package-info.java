/**
 * A person's agenda: overdue activities and the day's, paged.
 */
package app.kariz.view.agenda;
