package dev.sluice.develop.version;

import java.util.List;
import java.util.Map;

/**
 * Extension point of publishing: the module owning a kind of object says which changes may not reach production,
 * given that the others of the same publish go with them (a task may depend on one published alongside it). The store
 * asks again without the refused ones until nothing more is refused, so every change is judged against what really
 * goes to production.
 */
public interface PublishGuard {

    /** The kind of object this guard judges, e.g. {@code BATCH_TASK}. */
    String kind();

    /** The reasons, by submit id, why changes of {@code changes} may not reach production; empty when all may. */
    Map<Long, String> refusals(long tenantId, List<Change> changes);

    /** A change about to reach production: its submit and the version it brings (for a delete, the last version). */
    record Change(SubmitRecord submit, ObjectVersion version) {
    }
}
