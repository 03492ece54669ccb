package dev.sluice.platform.compute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.platform.source.ConfigItem;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.system.DataSettings;

/**
 * The compute source Sluice manages itself, so SQL can run with no other setup. Embedded, a DuckDB file of the tenant
 * in {@code <data-dir>/compute} (mode 700), the only way such a file may be a source: tenants' URLs can never name the
 * data directory. In cluster mode (a PostgreSQL store) nodes cannot share a file, so a schema of that database reached
 * as a role of its own ({@link ManagedSchemas}). Its connection items are Sluice's: users may rename it, not move it.
 */
@Component
public class ManagedCompute {

    static final String NAME = "sluice_managed";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final ComputeSourceStore store;
    private final ConfigItemStore items;
    private final ManagedSchemas schemas;
    private final Path dataDir;
    private final Clock clock;

    ManagedCompute(ComputeSourceStore store, ConfigItemStore items, ManagedSchemas schemas, DataSettings data, Clock clock) {
        this.store = store;
        this.items = items;
        this.schemas = schemas;
        this.dataDir = data.dataDir().toAbsolutePath().normalize();
        this.clock = clock;
    }

    /**
     * The tenant's managed compute source, created (owned by {@code ownerUserId}) if it has none.
     *
     * @return its id, or empty when cluster mode cannot make one (logged by {@link ManagedSchemas})
     */
    public Optional<Long> ensure(long tenantId, long ownerUserId) {
        Optional<ComputeSource> existing = store.managed(tenantId);
        if (existing.isPresent()) return Optional.of(existing.get().id());
        String type;
        List<ConfigItem> config;
        if (schemas.storeIsPostgres()) {
            Optional<List<ConfigItem>> schema = schemas.create(tenantId);
            if (schema.isEmpty()) return Optional.empty();
            type = "POSTGRE_SQL";
            config = schema.get();
        } else {
            type = "DUCKDB";
            config = List.of(new ConfigItem("jdbc.url", "jdbc:duckdb:" + duckdbFile(tenantId)));
        }
        long id = store.insert(tenantId, NAME, type, "Managed by Sluice: runs SQL with no other setup", ownerUserId, clock.millis(), true);
        items.replace(SourceKind.COMPUTE, id, config);
        return Optional.of(id);
    }

    /** DuckDB creates the file when it first opens it; the directory is the server user's alone. */
    private Path duckdbFile(long tenantId) {
        Path dir = dataDir.resolve("compute");
        try {
            if (!Files.isDirectory(dir)) {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    Files.setPosixFilePermissions(dir, OWNER_ONLY); // the umask may have taken bits away: exact now
                } else {
                    Files.createDirectories(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir.resolve("tenant-" + tenantId + ".duckdb");
    }
}
