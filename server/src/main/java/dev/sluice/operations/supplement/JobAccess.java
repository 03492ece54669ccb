package dev.sluice.operations.supplement;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Caller;
import dev.sluice.operations.instance.Instances;
import dev.sluice.protocol.PopErrors;

/**
 * Finding a job by its wire id for a reader: another tenant's job is unknown, one of a project the caller is not a
 * member of is refused (as the project's instances are).
 */
@Component
class JobAccess {

    private final JobStore store;
    private final Instances instances;

    JobAccess(JobStore store, Instances instances) {
        this.store = store;
        this.instances = instances;
    }

    /** The job of {@code wireId} ({@code f_<number>}); {@code kind} null for any kind. */
    Job readable(Caller caller, String wireId, String path, String kind) {
        if (wireId == null || wireId.isBlank()) throw PopErrors.missingParameter(path).exception();
        long id = Job.parseId(wireId);
        if (id < 0) throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(wireId) + "' is not a job id (f_<number>)").exception();
        String what = Job.SUPPLY_DATA.equals(kind) ? "supplement" : "job";
        Job job = store.find(caller.tenant().id(), id).filter(j -> kind == null || j.kind().equals(kind))
                .orElseThrow(() -> PopErrors.notFound(what, wireId.trim()).exception());
        instances.reader(caller, job.projectId());
        return job;
    }
}
