package app.kariz.activity.command;

/** Only an open activity can change: a done or cancelled one is history. */
public enum ActivityStatus {
    OPEN, DONE, CANCELLED
}
