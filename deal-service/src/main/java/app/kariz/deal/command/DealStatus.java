package app.kariz.deal.command;

public enum DealStatus {
    OPEN, WON, LOST
}
