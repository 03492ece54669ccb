package dev.sluice.permission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.platform.SourceOwners.OwnedSource;
import dev.sluice.platform.SourceOwners;
import dev.sluice.protocol.PopErrors;

/**
 * Resolves resource ids to the tenant's sources. The source part is a compute or data source's name; data source names
 * may themselves contain dots, so the schema, table and column are the last parts and the source is the rest. A name
 * that is both a compute source's and a data source's is refused as ambiguous rather than guessed.
 */
@Component
class Resources {

    /** What the grant table's name columns hold. */
    static final int MAX_NAME = 256;

    private final List<SourceOwners> sources;

    Resources(List<SourceOwners> sources) {
        this.sources = sources;
    }

    Resource resolve(long tenantId, ResourceType type, String id, String path) {
        if (id == null || id.isBlank()) throw PopErrors.missingParameter(path).exception();
        String trimmed = id.trim();
        String[] parts = trimmed.split("\\.", -1);
        if (parts.length < type.parts + 1) throw malformed(type, trimmed, path);
        int sourceParts = parts.length - type.parts;
        String sourceName = String.join(".", Arrays.copyOfRange(parts, 0, sourceParts));
        for (int i = sourceParts; i < parts.length; i++) {
            if (parts[i].isBlank()) throw malformed(type, trimmed, path);
            if (parts[i].length() > MAX_NAME) {
                throw PopErrors.invalidParameter(path, "a schema, table or column name has at most " + MAX_NAME + " characters").exception();
            }
        }
        OwnedSource source = source(tenantId, sourceName, trimmed, path);
        return switch (type) {
            case DATASOURCE -> new Resource(type, source, "", "", "");
            case PHYSICAL_TABLE -> Resource.table(source, parts[sourceParts], parts[sourceParts + 1]);
            case PHYSICAL_FIELD -> new Resource(type, source, Resource.lower(parts[sourceParts]), Resource.lower(parts[sourceParts + 1]),
                    Resource.lower(parts[sourceParts + 2]));
        };
    }

    /** The source an engine runs on, as data permissions know it. */
    Optional<OwnedSource> byId(long tenantId, SourceOwners.Kind kind, long id) {
        return sources.stream().filter(s -> s.kind() == kind).findFirst().flatMap(s -> s.byId(tenantId, id));
    }

    private OwnedSource source(long tenantId, String name, String id, String path) {
        List<OwnedSource> found = new ArrayList<>();
        for (SourceOwners kind : sources) kind.byName(tenantId, name).ifPresent(found::add);
        if (found.isEmpty()) {
            throw PopErrors.invalidParameter(path, "'" + id + "' does not start with the name of a compute source or data source of this tenant").exception();
        }
        if (found.size() > 1) {
            throw PopErrors.invalidParameter(path, "'" + id + "' starts with the name of both a compute source and a data source;"
                    + " rename one of them to grant on its tables").exception();
        }
        return found.getFirst();
    }

    private static RuntimeException malformed(ResourceType type, String id, String path) {
        String form = switch (type) {
            case DATASOURCE -> "<source name>";
            case PHYSICAL_TABLE -> "<source name>.<schema>.<table>";
            case PHYSICAL_FIELD -> "<source name>.<schema>.<table>.<column>";
        };
        return PopErrors.invalidParameter(path, "'" + id + "' is not a " + type + " id (" + form + ")").exception();
    }
}
