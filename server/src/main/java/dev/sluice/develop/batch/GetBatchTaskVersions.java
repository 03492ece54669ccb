package dev.sluice.develop.batch;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.sluice.account.User;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.ObjectVersion;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;

/** A batch task's versions, newest first, each with its submit and whether it is the one in production. */
@Action("GetBatchTaskVersions")
final class GetBatchTaskVersions implements OperationHandler<GetBatchTaskVersions.Request, GetBatchTaskVersions.Response> {

    record Request(long fileId, long projectId) {
    }

    record Response(Data data) {
    }

    record Data(List<VersionView> batchTaskVersionList) {
    }

    record VersionView(String comment, String gmtCreate, String gmtModified, String nodeId, long projectId, boolean published,
                       String userId, String userName, String version) {
    }

    private final BatchTasks tasks;
    private final VersionedObjects objects;
    private final TenantUsers users;
    private final DisplayTime time;

    GetBatchTaskVersions(BatchTasks tasks, VersionedObjects objects, TenantUsers users, DisplayTime time) {
        this.tasks = tasks;
        this.objects = objects;
        this.users = users;
        this.time = time;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        DevObject object = tasks.readable(caller, request.projectId(), request.fileId()).object();
        List<ObjectVersion> versions = objects.versions(object);
        Map<Long, User> submitters = users.byId(caller, versions.stream().map(ObjectVersion::submittedBy).distinct().toList());
        return new Response(new Data(versions.stream().sorted(Comparator.comparingInt(ObjectVersion::version).reversed()).map(v -> {
            User u = submitters.get(v.submittedBy());
            return new VersionView(v.comment(), time.format(v.submittedAt()), time.format(v.submittedAt()), object.nodeId(),
                    object.projectId(), Objects.equals(object.prodVersion(), v.version()), String.valueOf(v.submittedBy()),
                    u == null ? null : u.displayName() == null || u.displayName().isBlank() ? u.name() : u.displayName(),
                    String.valueOf(v.version()));
        }).toList()));
    }
}
