package app.kariz.view.stream;

/** This instance already serves as many streams as it may; the client should retry (maybe elsewhere). */
class TooManyStreamsException extends RuntimeException {

    TooManyStreamsException(int maxStreams) {
        super("This instance already serves " + maxStreams + " streams");
    }
}
