package dev.sluice.develop.resource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import org.springframework.stereotype.Component;

import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.protocol.PopErrors;

/** The checks of a UDF's fields, at create and update alike; refusals name the command's wire paths. */
@Component
class UdfChecks {

    /** A function name SQL can call without quoting. */
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final VersionedObjects objects;

    UdfChecks(VersionedObjects objects) {
        this.objects = objects;
    }

    static void functionName(String name, String path) {
        if (!FUNCTION_NAME.matcher(name).matches()) {
            throw PopErrors.invalidParameter(path, "a function name is a letter or '_' and then up to 127 letters, digits or '_', got '"
                    + PopErrors.excerpt(name) + "'").exception();
        }
    }

    /** A fully qualified Java class name (keywords refused), as the JAR would load it. */
    static String className(String className, String path) {
        String name = className.trim();
        if (!SourceVersion.isName(name)) {
            throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(name) + "' is not a Java class name such as com.example.MyUdf")
                    .exception();
        }
        return name;
    }

    /**
     * The referenced resources, each one of the project's, without repeats, at least one a JAR (the class lives in it);
     * an unknown id (another project's or tenant's too) is refused at its index.
     */
    List<Long> resources(long tenantId, long projectId, List<Long> ids, String path) {
        if (ids == null || ids.isEmpty()) throw PopErrors.missingParameter(path).exception();
        boolean jar = false;
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            String at = path + "[" + i + "]";
            if (id == null) throw PopErrors.invalidParameter(path + "[" + i + "]", "a resource id is not null").exception();
            DevObject resource = objects.find(tenantId, projectId, id, ResourceObjects.RESOURCE).orElseThrow(() -> PopErrors
                    .invalidParameter(at, "the project has no resource " + id).exception());
            jar |= ResourceObjects.resource(resource.draft()).isJar();
        }
        if (!jar) {
            throw PopErrors.invalidParameter(path, "none of the resources is a JAR; a UDF's class is loaded from a JAR resource").exception();
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }
}
