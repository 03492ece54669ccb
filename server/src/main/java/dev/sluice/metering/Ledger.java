package dev.sluice.metering;

import java.util.concurrent.CompletableFuture;

/** The durable record of calls. The ledger on the database is the truth every counter can be rebuilt from. */
public interface Ledger {

    /**
     * Records an admitted call; the future completes once the record is committed (group commit), and fails when it
     * could not be. The caller answers the client only after completion, so an answered call is never lost.
     */
    CompletableFuture<Void> commit(CallRecord admitted);

    /** Records a refused call; best effort, asynchronous: refusals are for display and never billed. */
    void refused(CallRecord refused);

    /**
     * Returns once every call recorded so far is readable from the rollups, so that a caller who saw a call answered
     * also sees it counted. Immediate where commits go straight to the database.
     */
    default void awaitStored() {
    }
}
