package dev.sluice.protocol;

/** Carries a {@link PopError} out of deep code to the one place that writes the error envelope. */
public class PopException extends RuntimeException {

    private final PopError error;

    public PopException(PopError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public PopError error() {
        return error;
    }
}
