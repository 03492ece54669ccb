package dev.sluice.develop.tree;

import dev.sluice.platform.project.Env;

/**
 * Which tree: a project's tree of one category in one environment, or for a personal category the tree of one user.
 *
 * @param ownerId 0 for a project's shared tree, the user's id for a personal one
 */
public record TreeKey(long tenantId, long projectId, Category category, Env env, long ownerId) {

    /** The tree {@code userId} works in: its own for a personal category, the project's otherwise. */
    public static TreeKey of(long tenantId, long projectId, Category category, Env env, long userId) {
        return new TreeKey(tenantId, projectId, category, env, category.personal() ? userId : 0);
    }
}
