package app.kariz.view.card;

/** An activity is open until it is done; postponing keeps it open. */
public enum ActivityStatus {
    OPEN, DONE
}
