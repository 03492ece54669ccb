package dev.sluice.permission;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Caller;
import dev.sluice.permission.CommandParts.ResourceRef;

/**
 * The resources a grant or a revocation names: each resolved in the caller's tenant, each named once however often it
 * is listed, and each one the caller may grant on; all checked before the handler writes anything.
 */
@Component
class GrantTargets {

    private final Resources resources;
    private final GrantAuthority authority;

    GrantTargets(Resources resources, GrantAuthority authority) {
        this.resources = resources;
        this.authority = authority;
    }

    List<Resource> resolve(Caller caller, ResourceType type, List<ResourceRef> refs, String path) {
        CommandParts.required(refs, path);
        List<Resource> resolved = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String at = path + "[" + i + "].ResourceId";
            Resource r = resources.resolve(caller.tenant().id(), type, refs.get(i) == null ? null : refs.get(i).resourceId(), at);
            if (!resolved.contains(r)) resolved.add(r);
        }
        resolved.forEach(resource -> authority.requireGranter(caller, resource));
        return resolved;
    }
}
