package dev.sluice.console;

/** Thrown by screens for an id that does not exist or belongs to another account: both read as "not found". */
public final class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
