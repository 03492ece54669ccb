package dev.sluice.platform.source;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;


/**
 * Counts the connectivity checks each tenant runs on this node and refuses one beyond the cap at once
 * ({@code Throttling.ConnectivityCheck}): a queue would only hold the caller's request open while the host it waits
 * for does not answer. Tenants with no check running have no entry, so the map stays as small as the work in flight.
 */
@Component
class ConcurrentChecks {

    /** Held while a check runs; closing it frees the place. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final int limit;
    private final ConcurrentMap<Long, Integer> running = new ConcurrentHashMap<>();

    ConcurrentChecks(CheckLimits limits) {
        this.limit = limits.maxConcurrentChecksPerTenant();
    }

    /** @throws dev.sluice.protocol.PopException {@code Throttling.ConnectivityCheck} when the tenant runs as many as allowed */
    Slot enter(long tenantId) {
        int[] before = new int[1];
        running.compute(tenantId, (tenant, count) -> {
            before[0] = count == null ? 0 : count;
            return before[0] >= limit ? count : Integer.valueOf(before[0] + 1);
        });
        if (before[0] >= limit) throw SourceErrors.checksThrottled(before[0], limit).exception();
        return () -> running.computeIfPresent(tenantId, (tenant, count) -> count <= 1 ? null : count - 1);
    }
}
