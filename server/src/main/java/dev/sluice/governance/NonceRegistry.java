package dev.sluice.governance;

/** Remembers signature nonces long enough that a captured request cannot be replayed inside the clock window. */
public interface NonceRegistry {

    /** True the first time this nonce is presented for its AccessKey within {@code claim.remember()}; false on a replay. */
    boolean firstUse(NonceClaim claim);

    /**
     * True when the admission counters record nonces in their own atomic step (cluster mode: the same Redis script
     * as the counts), so that {@link Authenticate} leaves the nonce to them and a call costs one round trip.
     */
    default boolean recordedByCounters() {
        return false;
    }
}
