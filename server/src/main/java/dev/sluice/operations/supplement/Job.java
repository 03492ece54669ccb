package dev.sluice.operations.supplement;

/**
 * A submitted job: a backfill ({@code SUPPLY_DATA}) or a data fix ({@code FIX_DATA}). Its wire id, {@code f_<id>}, is
 * both the submit id answered and, for a backfill, the supplement id its dag runs are read by.
 */
record Job(long id, long tenantId, long projectId, String kind, String name, long operatorId, int parallelism, String startBizDate,
           String endBizDate, String minDueTime, String maxDueTime, String rootRef, String status, long createdAt, Long finishedAt) {

    static final String SUPPLY_DATA = "SUPPLY_DATA";
    static final String FIX_DATA = "FIX_DATA";

    String wireId() {
        return "f_" + id;
    }

    boolean finished() {
        return !status.equals("RUNNING");
    }

    /** The id of {@code f_<number>}, or -1 when the text is not one. */
    static long parseId(String wireId) {
        if (wireId == null || !wireId.trim().matches("f_[0-9]{1,18}")) return -1;
        return Long.parseLong(wireId.trim().substring(2));
    }
}
