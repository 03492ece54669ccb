package dev.sluice.develop.resource;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.sluice.develop.tree.Category;
import dev.sluice.develop.tree.DevAccess;
import dev.sluice.develop.tree.DevFile;
import dev.sluice.develop.tree.DevFiles;
import dev.sluice.develop.version.ChangeType;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.SubmitStatus;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.ProjectRole;
import dev.sluice.platform.project.ProjectRoles;
import dev.sluice.protocol.PopErrors;
import dev.sluice.storage.ObjectKeys;
import dev.sluice.storage.ObjectStore;
import dev.sluice.storage.StoredObject;

/**
 * Resources and UDFs on top of the versioned object store: their drafts as JSON, who reads, writes and deletes them,
 * the uploaded object a resource points to, and which UDFs use a resource.
 */
@Service
class ResourceObjects {

    static final String RESOURCE = "RESOURCE";
    static final String UDF = "UDF";

    private final VersionedObjects objects;
    private final DevAccess devAccess;
    private final DevFiles files;
    private final Access access;
    private final ProjectRoles roles;
    private final ObjectStore store;

    ResourceObjects(VersionedObjects objects, DevAccess devAccess, DevFiles files, Access access, ProjectRoles roles, ObjectStore store) {
        this.objects = objects;
        this.devAccess = devAccess;
        this.files = files;
        this.access = access;
        this.roles = roles;
        this.store = store;
    }

    static String json(Object draft) {
        return RpcJson.MAPPER.writeValueAsString(draft);
    }

    static Resource resource(String json) {
        return RpcJson.MAPPER.readValue(json, Resource.class);
    }

    static Udf udf(String json) {
        return RpcJson.MAPPER.readValue(json, Udf.class);
    }

    record Found(Project project, DevObject object) {
    }

    /** The project, if the caller may read its development objects. */
    Project reader(Caller caller, long projectId) {
        return devAccess.reader(caller, projectId, Env.DEV);
    }

    /** The project, if the caller may change its objects of {@code category}. */
    Project writer(Caller caller, long projectId, Category category) {
        devAccess.reader(caller, projectId, Env.DEV);
        return devAccess.writer(caller, projectId, category);
    }

    /** The project's resource named {@code name} (names are unique among a project's resources), for a reader. */
    Found resourceByName(Caller caller, long projectId, String name, String nameParam) {
        if (name == null || name.isBlank()) throw PopErrors.missingParameter(nameParam).exception();
        Project project = reader(caller, projectId);
        DevObject object = named(caller.tenant().id(), projectId, RESOURCE, name)
                .orElseThrow(() -> PopErrors.notFound("resource", name).exception());
        return new Found(project, object);
    }

    /** The project's object of {@code kind} with that id, for a reader. */
    Found readable(Caller caller, long projectId, long id, String kind) {
        Project project = reader(caller, projectId);
        return new Found(project, objects.require(caller.tenant().id(), projectId, id, kind, what(kind)));
    }

    /** The project's object of {@code kind} with that id, for a writer of its tree. */
    Found writable(Caller caller, long projectId, long id, String kind) {
        Found found = readable(caller, projectId, id, kind);
        writer(caller, projectId, category(kind));
        return found;
    }

    Optional<DevObject> named(long tenantId, long projectId, String kind, String name) {
        return objects.ofProject(tenantId, projectId).stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).findFirst();
    }

    /** Refuses a name another object of the kind holds in the project (the tree is locked by the caller's file change). */
    void requireFreeName(DevObject self, long tenantId, long projectId, String kind, String name) {
        Optional<DevObject> holder = named(tenantId, projectId, kind, name).filter(o -> self == null || o.id() != self.id());
        if (holder.isPresent()) throw PopErrors.alreadyExists(what(kind), name).exception();
    }

    /**
     * The uploaded object at {@code address}: a key of the caller's tenant and project that exists in file storage;
     * refused at {@code param} otherwise (another project's key reads as one that does not exist).
     */
    StoredObject uploaded(long tenantId, long projectId, String address, String param) {
        if (address == null || address.isBlank()) throw PopErrors.missingParameter(param).exception();
        String key = address.trim();
        if (!ObjectKeys.belongsTo(key, tenantId, projectId)) {
            throw PopErrors.invalidParameter(param, "'" + PopErrors.excerpt(key) + "' is not an uploaded object of this project;"
                    + " upload the file with a GetFileStorageCredential of the project and pass its ObjectName").exception();
        }
        return store.stat(key).orElseThrow(() -> PopErrors.invalidParameter(param, "no object was uploaded at '" + key
                + "'; upload the file to the credential's URL first").exception());
    }

    /** The names of the project's UDFs whose draft or production version references the resource. */
    List<String> udfsUsing(DevObject resource) {
        return objects.ofProject(resource.tenantId(), resource.projectId()).stream().filter(o -> o.kind().equals(UDF))
                .filter(o -> udf(o.draft()).refResourceIds().contains(resource.id())
                        || objects.production(o).map(v -> udf(v.payload()).refResourceIds().contains(resource.id())).orElse(false))
                .map(DevObject::name).toList();
    }

    /**
     * Deletes an object for its owner, the project's administrators or super administrators. One in production leaves
     * it first: a {@code BASIC} project publishes that at once and the object is gone; in a {@code DEV_PROD} project the
     * delete change waits for {@code PublishObjectList} and the object stays until a delete after publishing.
     *
     * @return whether the object is gone
     */
    boolean delete(Caller caller, Found found, String comment, String idParam) {
        DevObject object = found.object();
        access.require(caller, () -> access.isSuperAdmin(caller) || object.ownerId() == caller.user().id()
                        || roles.of(found.project(), Env.DEV, caller.user().id()).contains(ProjectRole.PROJECT_ADMIN),
                what(object.kind()) + " '" + object.name() + "'", "its owner, the project's administrators or super administrators");
        if (object.inProduction()) {
            var waiting = objects.latestSubmit(object).filter(s -> s.status() == SubmitStatus.TO_BE_PUBLISHED
                    && s.changeType() == ChangeType.DELETE);
            if (waiting.isPresent()) {
                throw PopErrors.inUse(what(object.kind()), object.name(), "its delete waits for publishing (submit "
                        + waiting.get().id() + "); publish it with PublishObjectList, then delete again").exception();
            }
            objects.offline(found.project(), object, comment, caller.user().id(), idParam);
            if (found.project().mode() != ProjectMode.BASIC) return false;
        }
        DevFile file = files.require(object.tenantId(), object.projectId(), object.id(), caller.user().id());
        objects.delete(object);
        files.delete(file);
        return true;
    }

    static Category category(String kind) {
        return kind.equals(RESOURCE) ? Category.RESOURCE_MANAGE : Category.UDF_RESOURCE;
    }

    static String what(String kind) {
        return kind.equals(RESOURCE) ? "resource" : "UDF";
    }
}
