package dev.sluice.develop.tree;

/**
 * A directory or file of a development tree, as stored, with its place in the tree.
 *
 * @param parentId  the directory holding it, or null directly under the root
 * @param directory the path of the directory holding it ({@code /} under the root), in normal form
 * @param fileType  {@link DevFiles#DIRECTORY} for directories, otherwise the file's type
 * @param content   the file's content; null for directories, and where a method says it leaves contents out
 */
public record DevFile(long id, TreeKey tree, Long parentId, String name, String directory, String fileType, String content,
                      long createdBy, long createdAt, long modifiedBy, long modifiedAt) {

    public boolean isDirectory() {
        return DevFiles.DIRECTORY.equals(fileType);
    }

    /** The node's own full path, e.g. {@code /a/b} for {@code b} in {@code /a}. */
    public String path() {
        return DevPaths.child(directory, name);
    }

    DevFile withContent(String text) {
        return new DevFile(id, tree, parentId, name, directory, fileType, text, createdBy, createdAt, modifiedBy, modifiedAt);
    }
}
