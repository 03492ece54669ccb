package dev.sluice.develop.tree;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;

/**
 * The one store of development directories and files, for every module that keeps files in a project's trees (ad hoc
 * queries now; batch tasks, resources, functions, pipelines later). Paths follow {@link DevPaths}; a path holds one
 * node, directory or file. Every change locks its tree first, so the checks it makes (the parent exists, the name is
 * free, a directory is empty, a move makes no cycle) still hold when it writes; a unique constraint on (directory,
 * name) guards names besides. Refusals name the wire parameter the caller passes in.
 *
 * <p>Callers check access first ({@link DevAccess}); methods taking a {@link DevFile} act on a node found through
 * {@link #require} or {@link #find}, which only find files of the caller's tenant, project and (for personal
 * categories) own tree. Changes join the caller's transaction (a handler's is the Dispatcher's): the tree's lock is held
 * until it ends, so code outside a handler calls them inside {@code transaction.execute(...)}.
 */
@Service
public class DevFiles {

    /** The file type of directories. */
    public static final String DIRECTORY = "directory";

    private final DevFileStore store;
    private final Clock clock;

    DevFiles(DevFileStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates directory {@code name} in the existing directory {@code parent} (a path). */
    public DevFile createDirectory(TreeKey tree, String parent, String name, long userId, String parentParam, String nameParam) {
        return create(tree, parent, name, DIRECTORY, null, userId, parentParam, nameParam);
    }

    /**
     * Creates file {@code name} of type {@code fileType} (anything but {@value #DIRECTORY}, at most 64 characters)
     * holding {@code content} in the existing directory {@code parent}.
     */
    public DevFile createFile(TreeKey tree, String parent, String name, String fileType, String content, long userId,
                              String parentParam, String nameParam) {
        if (fileType == null || fileType.isBlank() || fileType.length() > 64 || DIRECTORY.equals(fileType)) {
            throw new IllegalArgumentException("a file type is 1 to 64 characters and not '" + DIRECTORY + "', got '" + fileType + "'");
        }
        return create(tree, parent, name, fileType, content == null ? "" : content, userId, parentParam, nameParam);
    }

    private DevFile create(TreeKey tree, String parent, String name, String fileType, String content, long userId,
                           String parentParam, String nameParam) {
        List<String> segments = DevPaths.segments(parent, parentParam);
        DevPaths.name(name, nameParam);
        store.lockTree(tree);
        TreeSnapshot snapshot = snapshot(tree);
        Long parentId = existingDirectory(snapshot, segments, parentParam);
        String path = DevPaths.child(DevPaths.join(segments), name);
        if (path.length() > DevPaths.MAX_PATH) throw tooLong(nameParam, path.length());
        if (snapshot.child(parentId, name).isPresent()) throw taken(path).exception();
        long id = UniqueWrites.orRefuse(() -> store.insert(tree, parentId, name, fileType, content, userId, clock.millis()),
                () -> taken(path));
        return require(tree.tenantId(), tree.projectId(), id, userId);
    }

    /**
     * The node of the tenant's project with that id, with its content, if {@code userId} may see it: any node of a
     * shared tree, only the user's own of a personal one.
     */
    public Optional<DevFile> find(long tenantId, long projectId, long fileId, long userId) {
        Optional<DevFileStore.Row> row = store.find(tenantId, projectId, fileId)
                .filter(r -> r.tree().ownerId() == 0 || r.tree().ownerId() == userId);
        if (row.isEmpty()) return Optional.empty();
        TreeSnapshot snapshot = snapshot(row.get().tree());
        return snapshot.node(fileId).map(f -> f.withContent(row.get().content()));
    }

    /** {@link #find}, or {@code EntityNotExist} naming the file id (also for another tenant's, project's or user's). */
    public DevFile require(long tenantId, long projectId, long fileId, long userId) {
        return find(tenantId, projectId, fileId, userId).orElseThrow(() -> notFound(fileId).exception());
    }

    /** Renames a directory or file in place; its path, and the paths below a directory, follow. */
    public DevFile rename(DevFile node, String newName, long userId, String nameParam) {
        DevPaths.name(newName, nameParam);
        store.lockTree(node.tree());
        TreeSnapshot snapshot = snapshot(node.tree());
        DevFile current = current(snapshot, node);
        if (current.name().equals(newName)) return reread(current, userId);
        String newPath = DevPaths.child(current.directory(), newName);
        int longest = snapshot.longestPathBelow(current.id(), newPath);
        if (longest > DevPaths.MAX_PATH) throw tooLong(nameParam, longest);
        if (snapshot.child(current.parentId(), newName).isPresent()) throw taken(newPath).exception();
        UniqueWrites.runOrRefuse(() -> store.rename(current.id(), newName, userId, clock.millis()), () -> taken(newPath));
        return reread(current, userId);
    }

    /**
     * Moves a directory (with everything below it) or a file into the existing directory {@code newDirectory}; a
     * directory never moves into itself or below itself.
     */
    public DevFile move(DevFile node, String newDirectory, long userId, String directoryParam) {
        List<String> segments = DevPaths.segments(newDirectory, directoryParam);
        store.lockTree(node.tree());
        TreeSnapshot snapshot = snapshot(node.tree());
        DevFile current = current(snapshot, node);
        Long targetId = existingDirectory(snapshot, segments, directoryParam);
        String target = DevPaths.join(segments);
        if (targetId != null && current.isDirectory() && snapshot.within(targetId, current.id())) {
            throw PopErrors.invalidParameter(directoryParam, "the directory '" + current.path()
                    + "' cannot move into itself or a directory below it ('" + target + "')").exception();
        }
        if (java.util.Objects.equals(targetId, current.parentId())) return reread(current, userId);
        String newPath = DevPaths.child(target, current.name());
        int longest = snapshot.longestPathBelow(current.id(), newPath);
        if (longest > DevPaths.MAX_PATH) throw tooLong(directoryParam, longest);
        if (snapshot.child(targetId, current.name()).isPresent()) throw taken(newPath).exception();
        UniqueWrites.runOrRefuse(() -> store.move(current.id(), targetId, userId, clock.millis()), () -> taken(newPath));
        return reread(current, userId);
    }

    /** Replaces a file's content. */
    public DevFile updateContent(DevFile file, String content, long userId) {
        if (file.isDirectory()) throw new IllegalArgumentException("a directory has no content");
        store.lockTree(file.tree());
        DevFile current = current(snapshot(file.tree()), file);
        store.updateContent(current.id(), content == null ? "" : content, userId, clock.millis());
        return reread(current, userId);
    }

    /**
     * Deletes a file, or a directory that holds nothing ({@code OperationDenied.InUse} naming how many nodes it
     * holds otherwise).
     */
    public void delete(DevFile node) {
        store.lockTree(node.tree());
        TreeSnapshot snapshot = snapshot(node.tree());
        DevFile current = current(snapshot, node);
        int held = snapshot.children(current.id()).size();
        if (current.isDirectory() && held > 0) {
            throw PopErrors.inUse("directory", current.path(), "it holds " + held + (held == 1 ? " file or directory" : " files or directories")
                    + "; delete or move them first").exception();
        }
        store.delete(current.id());
    }

    /**
     * The nodes in the directory at {@code directory}: only those directly in it, or ({@code recursive}) every node
     * below it, level by level; files with their contents. An unknown directory is refused at {@code directoryParam}.
     */
    public List<DevFile> list(TreeKey tree, String directory, boolean recursive, String directoryParam) {
        List<String> segments = DevPaths.segments(directory, directoryParam);
        TreeSnapshot snapshot = snapshot(tree);
        Long at = existingDirectory(snapshot, segments, directoryParam);
        List<DevFile> nodes = recursive ? snapshot.descendants(at) : snapshot.children(at);
        Map<Long, String> contents = store.contents(tree, nodes.stream().filter(f -> !f.isDirectory()).map(DevFile::id).toList());
        List<DevFile> listed = new ArrayList<>(nodes.size());
        for (DevFile node : nodes) listed.add(node.isDirectory() ? node : node.withContent(contents.get(node.id())));
        return listed;
    }

    /** The directory or file at {@code path}, without content; empty for the root and for a path that names nothing. */
    public Optional<DevFile> at(TreeKey tree, String path, String pathParam) {
        List<String> segments = DevPaths.segments(path, pathParam);
        if (segments.isEmpty()) return Optional.empty();
        TreeSnapshot snapshot = snapshot(tree);
        return snapshot.directory(segments.subList(0, segments.size() - 1)).flatMap(dir -> snapshot
                .child(dir.map(DevFile::id).orElse(null), segments.getLast()).map(snapshot::file));
    }

    /** Every edge of the tree from its root, level by level, each level in listing order; nodes without contents. */
    public List<TreeEdge> edges(TreeKey tree) {
        TreeSnapshot snapshot = snapshot(tree);
        List<TreeEdge> edges = new ArrayList<>();
        for (DevFile child : snapshot.descendants(null)) {
            edges.add(new TreeEdge(child.parentId() == null ? null : snapshot.node(child.parentId()).orElseThrow(), child));
        }
        return edges;
    }

    private TreeSnapshot snapshot(TreeKey tree) {
        return new TreeSnapshot(store.nodes(tree));
    }

    /** The node as it is now (a concurrent change may have moved or deleted it since it was read). */
    private static DevFile current(TreeSnapshot snapshot, DevFile node) {
        return snapshot.node(node.id()).orElseThrow(() -> notFound(node.id()).exception());
    }

    private DevFile reread(DevFile node, long userId) {
        return require(node.tree().tenantId(), node.tree().projectId(), node.id(), userId);
    }

    /** The id of the directory at {@code segments} (null for the root); refused at {@code param} when there is none. */
    private static Long existingDirectory(TreeSnapshot snapshot, List<String> segments, String param) {
        return snapshot.directory(segments).orElseThrow(() -> PopErrors.invalidParameter(param,
                "the directory '" + DevPaths.join(segments) + "' does not exist").exception()).map(DevFile::id).orElse(null);
    }

    private static PopError taken(String path) {
        return PopErrors.alreadyExists("file or directory", path);
    }

    private static PopError notFound(long fileId) {
        return PopErrors.notFound("file", fileId);
    }

    private static RuntimeException tooLong(String param, int length) {
        return PopErrors.invalidParameter(param, "the resulting path would have " + length + " characters; a path has at most "
                + DevPaths.MAX_PATH).exception();
    }
}
