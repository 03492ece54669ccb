package dev.sluice.develop.tree;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.project.Env;

/**
 * A development tree as its edges, level by level from the root: each edge a parent (the root first, an implicit node
 * with id 0 named after the category) and one child, directories before files, each by name. The development
 * environment's tree; for ad hoc queries the caller's own. {@code DataCellId} (a Dataphin data cell) has no
 * counterpart in Sluice and is left out.
 */
@Action("GetDirectoryTree")
final class GetDirectoryTree implements OperationHandler<GetDirectoryTree.Request, GetDirectoryTree.Response> {

    record Request(String category, long projectId) {
    }

    record Response(List<Edge> data) {
    }

    record Edge(Node parent, Node children) {
    }

    /** @param dirName the directory holding a file; null for directories, as the contract gives it for files only */
    record Node(long id, String stringId, String name, String dirName, String type, String categoryType, String creator,
                String creatorName, String lastModifier, String lastModifierName, String gmtCreate, String gmtModified,
                long projectId, Long dataCellId) {
    }

    private final DevAccess access;
    private final DevFiles files;
    private final TenantUsers users;
    private final DisplayTime time;

    GetDirectoryTree(DevAccess access, DevFiles files, TenantUsers users, DisplayTime time) {
        this.access = access;
        this.files = files;
        this.users = users;
        this.time = time;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Category category = Category.parse(request.category(), "Category");
        access.reader(caller, request.projectId(), Env.DEV);
        TreeKey tree = TreeKey.of(caller.tenant().id(), request.projectId(), category, Env.DEV, caller.user().id());
        List<TreeEdge> edges = files.edges(tree);
        Set<Long> people = new HashSet<>();
        for (TreeEdge edge : edges) {
            people.add(edge.child().createdBy());
            people.add(edge.child().modifiedBy());
        }
        Map<Long, User> names = users.byId(caller, people);
        Node root = new Node(0, "0", category.displayName(), null, category.wire(), category.wire(), null, null, null, null, null, null,
                request.projectId(), null);
        return new Response(edges.stream().map(e -> new Edge(e.parent() == null ? root : node(e.parent(), names), node(e.child(), names)))
                .toList());
    }

    private Node node(DevFile file, Map<Long, User> names) {
        return new Node(file.id(), String.valueOf(file.id()), file.name(), file.isDirectory() ? null : file.directory(), file.fileType(),
                file.tree().category().wire(), String.valueOf(file.createdBy()), name(names, file.createdBy()),
                String.valueOf(file.modifiedBy()), name(names, file.modifiedBy()), time.format(file.createdAt()),
                time.format(file.modifiedAt()), file.tree().projectId(), null);
    }

    private static String name(Map<Long, User> names, long userId) {
        User user = names.get(userId);
        return user == null ? null : user.displayName();
    }
}
