package dev.sluice.operations.supplement;

/**
 * One business date of a backfill. Its wire id {@code dr_<job>_<id>} is also the flow id of its instances, so the
 * scheduler matches each instance only with upstream instances of the same date and dag run.
 *
 * @param status WAITING (no instance yet), RUNNING, SUCCESS (every instance succeeded) or FAILED (all ended, one failed)
 */
record Dagrun(long id, long jobId, String bizDate, String status, Long startedAt, Long finishedAt) {

    String wireId() {
        return "dr_" + jobId + "_" + id;
    }

    /** {@code {job, dagrun}} of {@code dr_<job>_<dagrun>}, or null when the text is not one. */
    static long[] parseId(String wireId) {
        if (wireId == null || !wireId.trim().matches("dr_[0-9]{1,18}_[0-9]{1,18}")) return null;
        String[] parts = wireId.trim().split("_");
        return new long[]{Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }
}
