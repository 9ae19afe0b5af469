/**
 * The indicator rule (NO_ACTIVITY, OVERDUE, TODAY, PLANNED) in one place: judged in Java for a card or an activity,
 * and the same conditions as the database filters of the board, the deal list and the agenda.
 */
package app.kariz.view.indicator;
