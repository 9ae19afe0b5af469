package app.kariz.activity.command;

public enum ActivityStatus {
    OPEN, DONE
}
