package dev.sluice.develop.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tree as read at one moment, with the paths its parent links give: a tree is read whole (without contents) for
 * every change and listing, which keeps the SQL simple and the paths consistent; trees hold hundreds of nodes, not
 * millions.
 */
final class TreeSnapshot {

    /** Directories first, then files, each by name: the order of listings and of a tree's levels. */
    static final Comparator<DevFile> ORDER = Comparator.comparing((DevFile f) -> !f.isDirectory()).thenComparing(DevFile::name);

    private final Map<Long, DevFileStore.Row> rows = new HashMap<>();
    private final Map<Long, List<DevFileStore.Row>> children = new HashMap<>(); // key 0: under the root
    private final Map<Long, String> paths = new HashMap<>();

    TreeSnapshot(List<DevFileStore.Row> nodes) {
        for (DevFileStore.Row row : nodes) {
            rows.put(row.id(), row);
            children.computeIfAbsent(key(row.parentId()), k -> new ArrayList<>()).add(row);
        }
    }

    Optional<DevFile> node(long id) {
        DevFileStore.Row row = rows.get(id);
        return row == null ? Optional.empty() : Optional.of(file(row));
    }

    /** The full path of a node. */
    String path(long id) {
        String known = paths.get(id);
        if (known != null) return known;
        DevFileStore.Row row = rows.get(id);
        String path = DevPaths.child(directoryOf(row), row.name());
        paths.put(id, path);
        return path;
    }

    /** The directory at {@code segments} from the root: empty for the root itself; absent when there is none. */
    Optional<Optional<DevFile>> directory(List<String> segments) {
        Long at = null;
        for (String name : segments) {
            DevFileStore.Row next = child(at, name).orElse(null);
            if (next == null || !DevFiles.DIRECTORY.equals(next.fileType())) return Optional.empty();
            at = next.id();
        }
        return Optional.of(at == null ? Optional.empty() : node(at));
    }

    /** The node named {@code name} in directory {@code parentId} (null: the root). */
    Optional<DevFileStore.Row> child(Long parentId, String name) {
        return children.getOrDefault(key(parentId), List.of()).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The nodes directly in a directory (null: the root), in listing order. */
    List<DevFile> children(Long parentId) {
        return children.getOrDefault(key(parentId), List.of()).stream().map(this::file).sorted(ORDER).toList();
    }

    /** Every node below a directory (null: the root), level by level, each level in listing order. */
    List<DevFile> descendants(Long parentId) {
        List<DevFile> found = new ArrayList<>();
        Deque<Long> pending = new ArrayDeque<>();
        pending.add(key(parentId));
        while (!pending.isEmpty()) {
            Long at = pending.poll();
            for (DevFile child : children(at == 0 ? null : at)) {
                found.add(child);
                if (child.isDirectory()) pending.add(child.id());
            }
        }
        return found;
    }

    /** Whether {@code candidate} is {@code ancestor} itself or lies below it. */
    boolean within(long candidate, long ancestor) {
        for (Long at = candidate; at != null; at = rows.get(at).parentId()) {
            if (at == ancestor) return true;
        }
        return false;
    }

    /** The length of the longest path below a node once the node's own path becomes {@code newPath}. */
    int longestPathBelow(long id, String newPath) {
        int oldLength = path(id).length();
        int longest = newPath.length();
        for (DevFile below : descendants(id)) longest = Math.max(longest, path(below.id()).length() - oldLength + newPath.length());
        return longest;
    }

    DevFile file(DevFileStore.Row row) {
        return new DevFile(row.id(), row.tree(), row.parentId(), row.name(), directoryOf(row), row.fileType(), row.content(),
                row.createdBy(), row.createdAt(), row.modifiedBy(), row.modifiedAt());
    }

    private String directoryOf(DevFileStore.Row row) {
        return row.parentId() == null ? DevPaths.ROOT : path(row.parentId());
    }

    private static long key(Long parentId) {
        return parentId == null ? 0 : parentId;
    }
}
