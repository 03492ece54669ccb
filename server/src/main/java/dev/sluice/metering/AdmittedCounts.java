package dev.sluice.metering;

/**
 * Admitted calls of one account for one day and its month, as committed to the ledger: what in-memory counters are
 * seeded from on their first use, so limits survive a restart.
 */
public record AdmittedCounts(long dayLevel1, long dayLevel2, long dayLevel3, long dayRead, long dayWrite, long monthTotal,
                             long monthBillable) {

    public static final AdmittedCounts NONE = new AdmittedCounts(0, 0, 0, 0, 0, 0, 0);

    public long dayTotal() {
        return dayLevel1 + dayLevel2 + dayLevel3;
    }
}
