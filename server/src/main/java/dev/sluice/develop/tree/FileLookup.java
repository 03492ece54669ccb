package dev.sluice.develop.tree;

import dev.sluice.dispatch.Caller;

/** A node named by id on the wire, found for a caller who may change its tree (the operations on one node by id). */
public final class FileLookup {

    private FileLookup() {
    }

    /**
     * The node, if it is in the caller's tenant and project and the caller sees it (not found otherwise, like an
     * unknown id), and the caller may write its tree (refused otherwise).
     */
    public static DevFile writable(Caller caller, DevAccess access, DevFiles files, long projectId, long fileId) {
        access.reader(caller, projectId, dev.sluice.platform.project.Env.DEV);
        DevFile node = files.require(caller.tenant().id(), projectId, fileId, caller.user().id());
        access.writer(caller, projectId, node.tree().category());
        return node;
    }
}
