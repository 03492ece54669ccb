package dev.sluice.metering;

import java.time.Instant;

import dev.sluice.catalog.OperationType;

/**
 * One call as the ledger keeps it. Admitted calls count against quotas and may be billable; refused calls are kept
 * with the refusal code so usage screens can show why calls failed.
 *
 * @param accountId  null when the caller could not be identified (unknown AccessKey)
 * @param refusedBy  the admission step that refused the call, null when admitted
 */
public record CallRecord(String requestId, Long accountId, Long userId, String accessKeyId, String action, int level,
                         OperationType type, Instant at, boolean admitted, boolean billable, String outcomeCode,
                         int httpStatus, long latencyMillis, String refusedBy) {
}
