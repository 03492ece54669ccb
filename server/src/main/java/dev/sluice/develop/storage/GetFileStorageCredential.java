package dev.sluice.develop.storage;

import dev.sluice.develop.tree.Category;
import dev.sluice.develop.tree.DevAccess;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Project;
import dev.sluice.protocol.PopErrors;
import dev.sluice.storage.ObjectStore;
import dev.sluice.storage.StorageSettings;
import dev.sluice.storage.UploadCredential;

/**
 * A short-lived credential to upload one file of the project straight to file storage. Sluice hands out presigned
 * PUT URLs rather than temporary keys (one code path for the embedded store and any S3-compatible one), so the
 * contract's fields carry: {@code SecurityToken} the presigned URL (the whole credential: PUT the bytes to it),
 * {@code ObjectName} the key it is bound to (then the resource's storage address), {@code Endpoint}, {@code Bucket},
 * {@code Region} where it points, {@code Expiration} when it stops working (epoch milliseconds), {@code StorageType}
 * {@code s3}; {@code AccessId} and {@code AccessKey} are left out, there being no key pair to hand out. The project is
 * required (every object is kept under its tenant and project) and only its administrators and developers (or super
 * administrators) may upload, as they may change its resources. {@code UseVpcEndpoint} changes nothing: Sluice has
 * one address for its store.
 */
@Action("GetFileStorageCredential")
final class GetFileStorageCredential implements OperationHandler<GetFileStorageCredential.Request, GetFileStorageCredential.Response> {

    record Request(Long projectId, Purpose purpose, Boolean useVpcEndpoint) {
    }

    enum Purpose {
        RESOURCE("resource"), COMPUTE_SOURCE_SETTING("compute-source-setting"), NONE("file");

        private final String objectName;

        Purpose(String objectName) {
            this.objectName = objectName;
        }
    }

    record Response(StorageCredential storageCredential) {
    }

    record StorageCredential(String accessId, String accessKey, String bucket, String endpoint, long expiration, String objectName,
                             String region, String securityToken, String storageType) {
    }

    private final DevAccess access;
    private final ObjectStore store;
    private final StorageSettings settings;

    GetFileStorageCredential(DevAccess access, ObjectStore store, StorageSettings settings) {
        this.access = access;
        this.store = store;
        this.settings = settings;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        if (request.projectId() == null) throw PopErrors.missingParameter("ProjectId").exception();
        Project project = access.writer(caller, request.projectId(), Category.RESOURCE_MANAGE);
        Purpose purpose = request.purpose() == null ? Purpose.NONE : request.purpose();
        UploadCredential credential = store.credentialFor(caller.tenant().id(), project.id(), purpose.objectName, settings.credentialTtl());
        return new Response(new StorageCredential(null, null, credential.bucket(), credential.endpoint(), credential.expiresAt().toEpochMilli(),
                credential.key(), credential.region(), credential.url().toString(), "s3"));
    }
}
