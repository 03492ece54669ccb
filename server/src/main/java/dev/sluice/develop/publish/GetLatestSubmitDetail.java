package dev.sluice.develop.publish;

import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.SubmitRecord;
import dev.sluice.develop.version.SubmitStatus;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.develop.tree.DevAccess;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;
import dev.sluice.protocol.PopErrors;

/** The latest submit of an object (its id is its FileId; its type as publish records show it), with where it stands. */
@Action("GetLatestSubmitDetail")
final class GetLatestSubmitDetail implements OperationHandler<GetLatestSubmitDetail.Request, GetLatestSubmitDetail.Response> {

    record Request(SubmitDetailQuery submitDetailQuery) {
    }

    record SubmitDetailQuery(String objectId, String objectType) {
    }

    record Response(SubmitDetailResult submitDetailResult) {
    }

    record SubmitDetailResult(long id, String publishStatus, ReleaseObject releaseObject, String submitStatus, String tag) {
    }

    record ReleaseObject(String changeType, String nodeId, String objectVersion, long projectId, String submitComment,
                         SubmitObject submitObject) {
    }

    record SubmitObject(String objectId, String objectName, String objectType) {
    }

    private final VersionedObjects objects;
    private final DevAccess access;

    GetLatestSubmitDetail(VersionedObjects objects, DevAccess access) {
        this.objects = objects;
        this.access = access;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        SubmitDetailQuery query = request.submitDetailQuery();
        String idText = query.objectId() == null ? "" : query.objectId().trim();
        if (idText.isEmpty()) throw PopErrors.missingParameter("SubmitDetailQuery.ObjectId").exception();
        if (query.objectType() == null || query.objectType().isBlank()) throw PopErrors.missingParameter("SubmitDetailQuery.ObjectType").exception();
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw PopErrors.invalidParameter("SubmitDetailQuery.ObjectId", "'" + PopErrors.excerpt(idText) + "' is not an object id").exception();
        }
        DevObject object = objects.find(caller.tenant().id(), id)
                .filter(o -> o.subtype().equalsIgnoreCase(query.objectType().trim()))
                .orElseThrow(() -> PopErrors.notFound("object", idText).exception());
        access.reader(caller, object.projectId(), Env.DEV);
        SubmitRecord submit = objects.latestSubmit(object).orElseThrow(() -> PopErrors.notFound("submit record of object", idText).exception());
        String publishStatus = switch (submit.status()) {
            case PUBLISHED -> "SUCCESS";
            case TO_BE_PUBLISHED -> "NOT_VERIFIED";
            case SUPERSEDED -> "CANCELED";
        };
        return new Response(new SubmitDetailResult(submit.id(), publishStatus, new ReleaseObject(submit.changeType().name(),
                object.nodeId(), String.valueOf(submit.version()), submit.projectId(), submit.comment(),
                new SubmitObject(String.valueOf(object.id()), submit.objectName(), submit.subtype())),
                submit.status() == SubmitStatus.SUPERSEDED ? "SUPERSEDED" : submit.status().name(), submit.kind()));
    }
}
