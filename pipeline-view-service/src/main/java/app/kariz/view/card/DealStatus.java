package app.kariz.view.card;

public enum DealStatus {
    OPEN, WON, LOST
}
