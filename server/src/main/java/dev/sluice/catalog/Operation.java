package dev.sluice.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One operation of the API as the catalog declares it.
 *
 * @param level      the throttling level, 1 (lightest) to 3
 * @param request    the top-level request parameters, in declaration order
 * @param adminRoles the administrator roles the operation is restricted to; empty when it is not restricted
 */
public record Operation(
        String action,
        String module,
        String group,
        int level,
        Edition minEdition,
        OperationType type,
        List<Param> request,
        ResponseShape response,
        Set<AdminRole> adminRoles) {

    public Operation {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(minEdition, "minEdition");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(response, "response");
        ModuleDomains.packageOf(module);
        if (level < 1 || level > 3) throw new IllegalArgumentException(action + ": level " + level + " is not 1, 2 or 3");
        request = List.copyOf(request);
        adminRoles = adminRoles.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(adminRoles));
    }

    /** The name of the server package implementing this operation's module, e.g. {@code "develop"}. */
    public String domain() {
        return ModuleDomains.packageOf(module);
    }

    public boolean isRead() {
        return type == OperationType.READ;
    }

    public Optional<Param> param(String name) {
        return request.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
