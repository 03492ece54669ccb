package dev.sluice.develop.publish;

import java.util.List;
import java.util.Map;

import dev.sluice.account.User;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.PublishRecord;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;

/** The publishes in the projects listed, newest first, each succeeded (1) or failed (0) with its reason. */
@Action("ListPublishRecords")
final class ListPublishRecords implements OperationHandler<ListPublishRecords.Request, ListPublishRecords.Response> {

    record Request(ListQuery listQuery) {
    }

    record ListQuery(String keyword, SearchFilter searchFilter) {
    }

    record SearchFilter(List<Integer> changeTypeList, Integer page, Integer pageSize, List<Long> projectIdList, String publishEndTime,
                        String publishStartTime, List<Integer> publishStatusList, List<String> submitterList)
            implements RecordSearch.Filter {
    }

    record Response(ListResult listResult) {
    }

    record ListResult(List<Row> data, long totalCount) {
    }

    record Row(int changeType, String errorMessage, String finishTime, String gmtCreate, String gmtModify, long id, String nodeId,
               String objectId, String objectName, String objectType, String objectVersion, String projectId, String publishName,
               int publishStatus, String publisher, String publisherName) {
    }

    private final PublishAccess access;
    private final VersionedObjects objects;
    private final TenantUsers users;
    private final DisplayTime time;

    ListPublishRecords(PublishAccess access, VersionedObjects objects, TenantUsers users, DisplayTime time) {
        this.access = access;
        this.objects = objects;
        this.users = users;
        this.time = time;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        SearchFilter filter = request.listQuery().searchFilter();
        RecordSearch search = RecordSearch.read(access, caller, request.listQuery().keyword(), filter, "Publish",
                SearchFilter::publishStartTime, SearchFilter::publishEndTime);
        List<PublishRecord> all = objects.publishes(caller.tenant().id(), search.projects()).stream()
                .filter(p -> search.matches(p.changeType().code(), p.submitter(), p.publishedAt(), p.objectName()))
                .filter(p -> RecordSearch.empty(filter.publishStatusList()) || filter.publishStatusList().contains(p.statusCode()))
                .toList();
        List<PublishRecord> page = search.paging().slice(all);
        Map<Long, User> names = users.byId(caller, page.stream().map(PublishRecord::publisher).distinct().toList());
        return new Response(new ListResult(page.stream().map(p -> new Row(p.changeType().code(), p.errorMessage(),
                time.format(p.publishedAt()), time.format(p.publishedAt()), time.format(p.publishedAt()), p.id(),
                DevObject.nodeId(p.objectId()), String.valueOf(p.objectId()), p.objectName(), p.subtype(), String.valueOf(p.version()),
                String.valueOf(p.projectId()), p.comment(), p.statusCode(), String.valueOf(p.publisher()),
                ListSubmitRecords.name(names.get(p.publisher())))).toList(), all.size()));
    }
}
