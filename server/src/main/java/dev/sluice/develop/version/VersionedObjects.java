package dev.sluice.develop.version;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.protocol.PopErrors;

/**
 * The one versioned object store of data development. An object is a file of a development tree (created there first
 * through {@code DevFiles}; the object takes its id) with a draft, edited freely; a submit freezes the draft as the next
 * version (1, 2, ...) and records the change it makes in production (CREATE, UPDATE or, for an offline, DELETE). In a
 * {@code BASIC} project the submit is published at once; in a {@code DEV_PROD} project it waits for {@link #publish}.
 * Publishing a change sets or removes the production node (the version in production), after the kind's
 * {@link PublishGuard} agrees. Only the latest submit of an object waits: a newer one supersedes it.
 *
 * <p>Callers check access first. Every lookup names the tenant, so another tenant's ids are unknown ones. Changes join
 * the caller's transaction (a handler's is the Dispatcher's); submits and publishes lock the object's row.
 */
@Service
public class VersionedObjects {

    private final VersionStore store;
    private final Clock clock;
    /** Resolved at use: the guards' modules use this store themselves. */
    private final ObjectProvider<PublishGuard> guards;

    VersionedObjects(VersionStore store, Clock clock, ObjectProvider<PublishGuard> guards) {
        this.store = store;
        this.clock = clock;
        this.guards = guards;
    }

    /** Makes the file {@code fileId} (just created in the project's tree) an object of {@code kind} with a first draft. */
    public DevObject create(long tenantId, long projectId, long fileId, String kind, String subtype, String name, long ownerId,
                            String draft, long userId) {
        long now = clock.millis();
        store.insertObject(new DevObject(fileId, tenantId, projectId, kind, subtype, name, ownerId, draft, 0, null, userId, now, userId, now));
        return store.find(tenantId, fileId).orElseThrow();
    }

    /** The tenant's object of {@code kind} with that id in the project, if any. */
    public Optional<DevObject> find(long tenantId, long projectId, long id, String kind) {
        return store.find(tenantId, id).filter(o -> o.projectId() == projectId && o.kind().equals(kind));
    }

    /** {@link #find}, or {@code EntityNotExist} naming {@code what} and the id (another tenant's or project's alike). */
    public DevObject require(long tenantId, long projectId, long id, String kind, String what) {
        return find(tenantId, projectId, id, kind).orElseThrow(() -> PopErrors.notFound(what, id).exception());
    }

    /** Replaces the draft (and the name and subtype it carries); versions are untouched. */
    public DevObject updateDraft(DevObject object, String name, String subtype, String draft, long userId) {
        store.updateDraft(object.id(), name, subtype, draft, userId, clock.millis());
        return store.find(object.tenantId(), object.id()).orElseThrow();
    }

    /** Deletes the object, its versions and its waiting submit (submit and publish records stay as history). */
    public void delete(DevObject object) {
        store.deleteObject(object.id());
    }

    /**
     * Freezes the draft as the next version and records its submit (CREATE before the object reached production,
     * UPDATE after). A {@code BASIC} project publishes it at once, refused as a whole when the kind's guard refuses.
     */
    public SubmitRecord submit(Project project, DevObject object, String comment, long userId) {
        DevObject current = locked(object);
        long now = clock.millis();
        int version = current.latestVersion() + 1;
        ChangeType change = current.inProduction() ? ChangeType.UPDATE : ChangeType.CREATE;
        store.insertVersion(new ObjectVersion(current.id(), version, current.draft(), change, comment, userId, now));
        store.setLatestVersion(current.id(), version);
        return record(project, current, version, change, comment, userId, now);
    }

    /**
     * Records taking the object out of production (a DELETE change of its production version); a {@code BASIC} project
     * publishes it at once. Refused ({@code InvalidParameter} at {@code fileIdParam}) when nothing is in production.
     */
    public SubmitRecord offline(Project project, DevObject object, String comment, long userId, String fileIdParam) {
        DevObject current = locked(object);
        if (!current.inProduction()) {
            throw PopErrors.invalidParameter(fileIdParam, "'" + current.name() + "' is not in production; only a published object goes offline")
                    .exception();
        }
        return record(project, current, current.prodVersion(), ChangeType.DELETE, comment, userId, clock.millis());
    }

    private SubmitRecord record(Project project, DevObject object, int version, ChangeType change, String comment, long userId, long now) {
        SubmitRecord draft = new SubmitRecord(0, object.tenantId(), object.projectId(), object.id(), object.kind(), object.subtype(),
                object.name(), version, change, comment, userId, now, SubmitStatus.TO_BE_PUBLISHED, now);
        long id = store.insertSubmit(draft);
        store.supersede(object.id(), id, now);
        SubmitRecord submit = store.submit(object.tenantId(), id).orElseThrow();
        if (project.mode() == ProjectMode.BASIC) {
            PublishRecord published = publishAll(project.tenantId(), List.of(submit), comment, userId).records().getFirst();
            if (!published.succeeded()) throw VersionErrors.publishRefused(object.name(), published.errorMessage()).exception();
            return store.submit(object.tenantId(), id).orElseThrow();
        }
        return submit;
    }

    /**
     * Publishes waiting submits of the project to production, each judged on its own: a submit that is not waiting, or
     * whose change its kind's guard refuses, fails with the reason and the others go on. Every submit gets a publish
     * record. Unknown ids (another tenant's or project's too) are refused as a whole ({@code EntityNotExist}).
     */
    public PublishOutcome publish(Project project, List<Long> submitIds, String comment, long userId) {
        List<SubmitRecord> submits = new ArrayList<>();
        for (long id : new TreeSet<>(submitIds)) {
            submits.add(store.submit(project.tenantId(), id).filter(s -> s.projectId() == project.id())
                    .orElseThrow(() -> PopErrors.notFound("submit record", id).exception()));
        }
        return publishAll(project.tenantId(), submits, comment, userId);
    }

    private PublishOutcome publishAll(long tenantId, List<SubmitRecord> submits, String comment, long userId) {
        long now = clock.millis();
        Map<Long, String> failed = new LinkedHashMap<>();
        List<PublishGuard.Change> changes = new ArrayList<>();
        for (SubmitRecord submit : submits) {
            Optional<DevObject> object = store.lock(tenantId, submit.objectId());
            if (submit.status() != SubmitStatus.TO_BE_PUBLISHED) {
                failed.put(submit.id(), "the submit is " + submit.status().name().toLowerCase().replace('_', ' ') + ", not waiting for publishing");
            } else if (object.isEmpty()) {
                failed.put(submit.id(), "the object was deleted");
            } else {
                changes.add(new PublishGuard.Change(submit, store.version(submit.objectId(), submit.version()).orElseThrow()));
            }
        }
        judge(tenantId, changes, failed);
        List<PublishRecord> records = new ArrayList<>();
        for (SubmitRecord submit : submits) {
            String error = failed.get(submit.id());
            if (error == null) {
                store.setProdVersion(submit.objectId(), submit.changeType() == ChangeType.DELETE ? null : submit.version());
                store.setSubmitStatus(submit.id(), SubmitStatus.PUBLISHED, now);
            }
            PublishRecord record = new PublishRecord(0, tenantId, submit.projectId(), submit.id(), submit.objectId(), submit.kind(),
                    submit.subtype(), submit.objectName(), submit.version(), submit.changeType(), comment, submit.submitter(), userId,
                    now, error == null, error);
            long id = store.insertPublish(record);
            records.add(new PublishRecord(id, tenantId, record.projectId(), record.submitId(), record.objectId(), record.kind(),
                    record.subtype(), record.objectName(), record.version(), record.changeType(), comment, record.submitter(), userId,
                    now, error == null, error));
        }
        return new PublishOutcome(records);
    }

    /** Asks each kind's guard, without the refused changes, until it refuses no more. */
    private void judge(long tenantId, List<PublishGuard.Change> changes, Map<Long, String> failed) {
        Map<String, List<PublishGuard.Change>> byKind = changes.stream()
                .collect(Collectors.groupingBy(c -> c.submit().kind(), LinkedHashMap::new, Collectors.toList()));
        Map<String, PublishGuard> byName = guards.orderedStream().collect(Collectors.toMap(PublishGuard::kind, Function.identity()));
        byKind.forEach((kind, ofKind) -> {
            PublishGuard guard = byName.get(kind);
            if (guard == null) return;
            List<PublishGuard.Change> remaining = new ArrayList<>(ofKind);
            while (!remaining.isEmpty()) {
                Map<Long, String> refused = guard.refusals(tenantId, List.copyOf(remaining));
                if (refused.isEmpty()) return;
                failed.putAll(refused);
                remaining.removeIf(c -> refused.containsKey(c.submit().id()));
            }
        });
    }

    private DevObject locked(DevObject object) {
        return store.lock(object.tenantId(), object.id()).orElseThrow(() -> PopErrors.notFound("file", object.id()).exception());
    }

    /** The object's versions, oldest first. */
    public List<ObjectVersion> versions(DevObject object) {
        return store.versions(object.id());
    }

    /** One version of the object, if it was submitted. */
    public Optional<ObjectVersion> version(DevObject object, int version) {
        return store.version(object.id(), version);
    }

    /** The version of the production node, if the object is in production. */
    public Optional<ObjectVersion> production(DevObject object) {
        return object.prodVersion() == null ? Optional.empty() : store.version(object.id(), object.prodVersion());
    }

    /** Whether a submit of the object still waits for publishing. */
    public boolean needsPublish(DevObject object) {
        return latestSubmit(object).filter(s -> s.status() == SubmitStatus.TO_BE_PUBLISHED).isPresent();
    }

    /** The object's latest submit, if it was ever submitted. */
    public Optional<SubmitRecord> latestSubmit(DevObject object) {
        return store.latestSubmit(object.tenantId(), object.id());
    }

    /** The tenant's objects of {@code kind}, in every project. */
    public List<DevObject> ofKind(long tenantId, String kind) {
        return store.ofKind(tenantId, kind);
    }

    /** The tenant's objects of one project, every kind. */
    public List<DevObject> ofProject(long tenantId, long projectId) {
        return store.ofProject(tenantId, projectId);
    }

    /** The tenant's submits waiting for publishing of {@code kind}, in every project. */
    public List<SubmitRecord> waiting(long tenantId, String kind) {
        return store.waiting(tenantId, kind);
    }

    /** The submits of the tenant's projects, newest first; {@code waitingOnly} keeps those waiting for publishing. */
    public List<SubmitRecord> submits(long tenantId, Collection<Long> projectIds, boolean waitingOnly) {
        return store.submits(tenantId, projectIds, waitingOnly);
    }

    /** The publish records of the tenant's projects, newest first. */
    public List<PublishRecord> publishes(long tenantId, Collection<Long> projectIds) {
        return store.publishes(tenantId, projectIds);
    }

    /** A version of an object of the tenant by id, whatever the project (for records that outlive nothing else). */
    public Optional<DevObject> find(long tenantId, long id) {
        return store.find(tenantId, id);
    }

    /** What {@code ownerId} owns in the tenant, every kind. */
    public List<DevObject> ownedBy(long tenantId, long ownerId) {
        return store.ownedBy(tenantId, ownerId);
    }

    /** Makes {@code newOwnerId} the owner. */
    public void transferOwner(long tenantId, long id, long newOwnerId) {
        store.setOwner(tenantId, id, newOwnerId);
    }
}
