package dev.sluice.develop.adhocfile;

import org.springframework.stereotype.Component;

import dev.sluice.develop.tree.Category;
import dev.sluice.develop.tree.DevAccess;
import dev.sluice.develop.tree.DevFile;
import dev.sluice.develop.tree.DevFiles;
import dev.sluice.dispatch.Caller;
import dev.sluice.platform.project.Env;
import dev.sluice.protocol.PopErrors;

/**
 * Ad hoc query files: files of the caller's own {@code tempCode} tree holding SQL. An id of a directory or of another
 * category's file is refused as not being one; another user's ad hoc file is not found, like an unknown id.
 */
@Component
class AdHocFileLookup {

    /** The file type of ad hoc query files in the tree. */
    static final String FILE_TYPE = "adhoc";

    private final DevAccess access;
    private final DevFiles files;

    AdHocFileLookup(DevAccess access, DevFiles files) {
        this.access = access;
        this.files = files;
    }

    DevFile readable(Caller caller, long projectId, long fileId) {
        access.reader(caller, projectId, Env.DEV);
        return adHoc(files.require(caller.tenant().id(), projectId, fileId, caller.user().id()));
    }

    DevFile writable(Caller caller, long projectId, long fileId) {
        return adHoc(access.changeable(caller, projectId, fileId));
    }

    private static DevFile adHoc(DevFile file) {
        if (file.isDirectory()) {
            throw PopErrors.invalidParameter("FileId", "'" + file.path() + "' is a directory, not an ad hoc query file").exception();
        }
        if (file.tree().category() != Category.TEMP_CODE) {
            throw PopErrors.invalidParameter("FileId", "'" + file.path() + "' is a file of category " + file.tree().category().wire()
                    + ", not an ad hoc query file").exception();
        }
        return file;
    }
}
