/**
 * The directory trees of data development and the files in them, one store ({@link dev.sluice.develop.tree.DevFiles})
 * for every kind of development file: ad hoc queries now, batch tasks, resources, functions and pipelines as they
 * come. Public to the rest of the module and to other modules as the {@code tree} named interface:
 * {@link dev.sluice.develop.tree.DevFiles}, {@link dev.sluice.develop.tree.DevFile},
 * {@link dev.sluice.develop.tree.TreeKey}, {@link dev.sluice.develop.tree.Category},
 * {@link dev.sluice.develop.tree.TreeEdge}, {@link dev.sluice.develop.tree.DevPaths} and the access rule
 * {@link dev.sluice.develop.tree.DevAccess}.
 */
@org.springframework.modulith.NamedInterface("tree")
package dev.sluice.develop.tree;
