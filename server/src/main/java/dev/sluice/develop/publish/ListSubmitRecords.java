package dev.sluice.develop.publish;

import java.util.List;
import java.util.Map;

import dev.sluice.account.User;
import dev.sluice.develop.version.SubmitRecord;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;

/** The submits waiting for publishing in the projects listed, newest first, filtered and paged. */
@Action("ListSubmitRecords")
final class ListSubmitRecords implements OperationHandler<ListSubmitRecords.Request, ListSubmitRecords.Response> {

    record Request(ListQuery listQuery) {
    }

    record ListQuery(String keyword, SearchFilter searchFilter) {
    }

    record SearchFilter(List<Integer> changeTypeList, Integer page, Integer pageSize, List<Long> projectIdList, String submitEndTime,
                        String submitStartTime, List<String> submitterList) implements RecordSearch.Filter {
    }

    record Response(ListResult listResult) {
    }

    record ListResult(List<Row> data, long totalCount) {
    }

    record Row(int changeType, String gmtCreate, String gmtModify, long id, String nodeId, String objectId, String objectName,
               String objectType, String objectVersion, String projectId, String submitComment, String submitter, String submitterName) {
    }

    private final PublishAccess access;
    private final VersionedObjects objects;
    private final TenantUsers users;
    private final DisplayTime time;

    ListSubmitRecords(PublishAccess access, VersionedObjects objects, TenantUsers users, DisplayTime time) {
        this.access = access;
        this.objects = objects;
        this.users = users;
        this.time = time;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        RecordSearch search = RecordSearch.read(access, caller, request.listQuery().keyword(), request.listQuery().searchFilter(),
                "Submit", SearchFilter::submitStartTime, SearchFilter::submitEndTime);
        List<SubmitRecord> all = objects.submits(caller.tenant().id(), search.projects(), true).stream()
                .filter(s -> search.matches(s.changeType().code(), s.submitter(), s.submittedAt(), s.objectName()))
                .toList();
        List<SubmitRecord> page = search.paging().slice(all);
        Map<Long, User> names = users.byId(caller, page.stream().map(SubmitRecord::submitter).distinct().toList());
        return new Response(new ListResult(page.stream().map(s -> new Row(s.changeType().code(), time.format(s.submittedAt()),
                time.format(s.modifiedAt()), s.id(), dev.sluice.develop.version.DevObject.nodeId(s.objectId()), String.valueOf(s.objectId()),
                s.objectName(), s.subtype(), String.valueOf(s.version()), String.valueOf(s.projectId()), s.comment(),
                String.valueOf(s.submitter()), name(names.get(s.submitter())))).toList(), all.size()));
    }

    static String name(User user) {
        return user == null ? null : user.displayName() == null || user.displayName().isBlank() ? user.name() : user.displayName();
    }
}
