package app.kariz.view.card;

/** An activity is open until it is done or cancelled; postponing keeps it open. */
public enum ActivityStatus {
    OPEN, DONE, CANCELLED
}
