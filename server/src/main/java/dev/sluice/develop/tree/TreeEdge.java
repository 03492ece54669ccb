package dev.sluice.develop.tree;

/**
 * One edge of a directory tree, for listing a tree level by level.
 *
 * @param parent the directory holding {@code child}, or null for the tree's (implicit) root
 */
public record TreeEdge(DevFile parent, DevFile child) {
}
