package dev.sluice.operations.supplement;

import dev.sluice.protocol.PopError;

/** Refusals of backfills and data fixes that say more than a plain InvalidParameter. */
final class SupplementErrors {

    static final String DATE_RANGE = "InvalidParameter.DateRange";
    static final String NOT_DOWNSTREAM = "InvalidParameter.NotDownstream";
    static final String NOTHING_TO_RUN = "InvalidParameter.NothingToRun";
    static final String TOO_LARGE = "InvalidParameter.TooLarge";
    static final String IN_PROGRESS = "OperationDenied.InstanceInProgress";

    private SupplementErrors() {
    }

    static PopError dateRange(String path, String problem) {
        return new PopError(DATE_RANGE, 400, "The parameter '" + path + "' is invalid: " + problem);
    }

    static PopError notDownstream(String path, String id, String root) {
        return new PopError(NOT_DOWNSTREAM, 400, "The parameter '" + path + "' is invalid: '" + id + "' is not downstream of " + root + ".");
    }

    static PopError nothingToRun(String why) {
        return new PopError(NOTHING_TO_RUN, 400, "Nothing would run: " + why + ".");
    }

    static PopError tooLarge(String path, String problem) {
        return new PopError(TOO_LARGE, 400, "The parameter '" + path + "' is invalid: " + problem);
    }

    static PopError inProgress(String reason) {
        return new PopError(IN_PROGRESS, 400, "An instance to rerun has not finished: " + reason + ".");
    }
}
