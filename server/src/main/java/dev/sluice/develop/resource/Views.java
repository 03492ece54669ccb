package dev.sluice.develop.resource;

import org.springframework.stereotype.Component;

import dev.sluice.develop.tree.DevFiles;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.ObjectVersion;
import dev.sluice.dispatch.DisplayTime;

/** Resources and UDFs as the Get operations show them: the draft, or a version with its submitter and time as last change. */
@Component
class Views {

    record ResourceInfo(String computeEngineType, String creator, String description, String directory, String gmtCreate,
                        String gmtModified, long id, String lastModifier, String name, long projectId, String resourceType, long size,
                        String storageAddress) {
    }

    record UdfInfo(int category, String className, String commandHelp, String computeEngineType, String creator, String description,
                   String directory, String gmtCreate, String gmtModified, long id, String lastModifier, String name) {
    }

    private final DevFiles files;
    private final DisplayTime time;

    Views(DevFiles files, DisplayTime time) {
        this.files = files;
        this.time = time;
    }

    ResourceInfo resource(DevObject object, ObjectVersion version) {
        Resource r = ResourceObjects.resource(version == null ? object.draft() : version.payload());
        return new ResourceInfo(r.computeEngineType(), String.valueOf(object.createdBy()), r.description(), directory(object),
                time.format(object.createdAt()), time.format(modifiedAt(object, version)), object.id(),
                String.valueOf(modifiedBy(object, version)), r.name(), object.projectId(), r.resourceType(), r.size(), r.storageAddress());
    }

    UdfInfo udf(DevObject object, ObjectVersion version) {
        Udf u = ResourceObjects.udf(version == null ? object.draft() : version.payload());
        return new UdfInfo(u.category(), u.className(), u.commandHelp(), u.computeEngineType(), String.valueOf(object.createdBy()),
                u.description(), directory(object), time.format(object.createdAt()), time.format(modifiedAt(object, version)), object.id(),
                String.valueOf(modifiedBy(object, version)), u.name());
    }

    private String directory(DevObject object) {
        return files.find(object.tenantId(), object.projectId(), object.id(), 0).map(f -> f.directory()).orElse("/");
    }

    private static long modifiedAt(DevObject object, ObjectVersion version) {
        return version == null ? object.modifiedAt() : version.submittedAt();
    }

    private static long modifiedBy(DevObject object, ObjectVersion version) {
        return version == null ? object.modifiedBy() : version.submittedBy();
    }
}
