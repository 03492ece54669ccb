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
}
