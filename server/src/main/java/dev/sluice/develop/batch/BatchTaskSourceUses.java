package dev.sluice.develop.batch;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.platform.datasource.DataSourceDependencies;

/** DATABASE_SQL tasks use their data source, in development (the draft) or in production (the published version). */
@Component
class BatchTaskSourceUses implements DataSourceDependencies {

    private final VersionedObjects objects;

    BatchTaskSourceUses(VersionedObjects objects) {
        this.objects = objects;
    }

    @Override
    public List<Dependent> of(long tenantId, long dataSourceId) {
        String id = String.valueOf(dataSourceId);
        return objects.ofKind(tenantId, BatchTasks.KIND).stream().filter(o -> uses(o, id))
                .map(o -> new Dependent(String.valueOf(o.id()), o.name(), "Batch task", "batchTask")).toList();
    }

    private boolean uses(DevObject object, String dataSourceId) {
        return Stream.concat(Stream.of(object.draft()), objects.production(object).map(v -> v.payload()).stream())
                .map(BatchTasks::read)
                .anyMatch(t -> t.type() == TaskType.DATABASE_SQL && Objects.equals(t.dataSourceId(), dataSourceId));
    }
}
