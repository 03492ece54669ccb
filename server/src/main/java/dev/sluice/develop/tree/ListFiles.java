package dev.sluice.develop.tree;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;

/**
 * The directories and files in a directory of a development tree: one level, or everything below it. {@code DEV}
 * lists the development tree, {@code PROD} the published files (none until publishing exists, so an empty list at the
 * root). Times are epoch milliseconds, as the contract shows them here.
 */
@Action("ListFiles")
final class ListFiles implements OperationHandler<ListFiles.Request, ListFiles.Response> {

    record Request(ListQuery listQuery) {
    }

    record ListQuery(String category, String directory, String env, long projectId, boolean recursive) {
    }

    record Response(List<FileView> fileList) {
    }

    record FileView(long id, String name, String directory, String fileType, String category, String content, String creator,
                    String lastModifier, long gmtCreate, long gmtModified, long projectId) {
    }

    private final DevAccess access;
    private final DevFiles files;

    ListFiles(DevAccess access, DevFiles files) {
        this.access = access;
        this.files = files;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ListQuery query = request.listQuery();
        Category category = Category.parse(query.category(), "ListQuery.Category");
        Env env = Env.parse(query.env(), null, "ListQuery.Env");
        access.reader(caller, query.projectId(), env);
        TreeKey tree = TreeKey.of(caller.tenant().id(), query.projectId(), category, env, caller.user().id());
        return new Response(files.list(tree, query.directory(), query.recursive(), "ListQuery.Directory").stream()
                .map(f -> new FileView(f.id(), f.name(), f.directory(), f.fileType(), category.wire(), f.content(),
                        String.valueOf(f.createdBy()), String.valueOf(f.modifiedBy()), f.createdAt(), f.modifiedAt(), f.tree().projectId()))
                .toList());
    }
}
