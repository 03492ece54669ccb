package dev.sluice.dispatch;

import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;

import dev.sluice.protocol.PopError;

/**
 * Writes guarded by a unique constraint. An operation checks for a duplicate before it writes, but two identical calls
 * can both pass that check; the constraint then refuses the second insert, and this turns that refusal into the
 * operation's own duplicate answer, so a racing caller hears exactly what a caller one second later would hear.
 */
public final class UniqueWrites {

    private UniqueWrites() {
    }

    /** Runs {@code write}; if a unique constraint refuses it, throws {@code duplicate} instead (the transaction rolls back). */
    public static <T> T orRefuse(Supplier<T> write, Supplier<PopError> duplicate) {
        try {
            return write.get();
        } catch (DuplicateKeyException taken) {
            throw duplicate.get().exception();
        }
    }

    /** {@link #orRefuse(Supplier, Supplier)} for a write without a result (a rename, say). */
    public static void runOrRefuse(Runnable write, Supplier<PopError> duplicate) {
        orRefuse(() -> {
            write.run();
            return null;
        }, duplicate);
    }
}
