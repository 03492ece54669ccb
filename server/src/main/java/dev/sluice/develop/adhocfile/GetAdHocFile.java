package dev.sluice.develop.adhocfile;

import dev.sluice.develop.tree.DevFile;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** An ad hoc query file of the caller's own with its SQL; its directory in normal form ({@code /a/b}, the root {@code /}). */
@Action("GetAdHocFile")
final class GetAdHocFile implements OperationHandler<GetAdHocFile.Request, GetAdHocFile.Response> {

    record Request(long fileId, long projectId) {
    }

    record Response(FileInfo fileInfo) {
    }

    record FileInfo(long id, String name, String directory, String content, String creator, String lastModifier, long projectId) {
    }

    private final AdHocFileLookup lookup;

    GetAdHocFile(AdHocFileLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        DevFile file = lookup.readable(caller, request.projectId(), request.fileId());
        return new Response(new FileInfo(file.id(), file.name(), file.directory(), file.content(), String.valueOf(file.createdBy()),
                String.valueOf(file.modifiedBy()), file.tree().projectId()));
    }
}
