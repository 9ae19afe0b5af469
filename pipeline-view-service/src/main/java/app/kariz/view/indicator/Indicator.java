package app.kariz.view.indicator;

/**
 * The sign an open deal shows on the board. Declared in board order: a deal that needs attention first (no
 * activity at all, then overdue) sorts before one whose follow-up is merely planned.
 */
public enum Indicator {
    NO_ACTIVITY, OVERDUE, TODAY, PLANNED
}
