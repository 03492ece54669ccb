package dev.sluice.platform.transfer;

import java.time.Clock;

import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.transfer.TransferJobs.TransferQueue;
import dev.sluice.platform.transfer.TransferStore.Status;
import dev.sluice.protocol.PopErrors;

/** Starts moving everything one user owns, in every module, to another user; GetTransferInfo follows its progress. */
@Action("TransferOwnershipForAllObject")
final class TransferOwnershipForAllObject
        implements OperationHandler<TransferOwnershipForAllObject.Request, TransferOwnershipForAllObject.Response> {

    record Request(PrivilegeTransferRecord privilegeTransferRecord) {
    }

    record PrivilegeTransferRecord(String newOwner, String oldOwner, String transferComment) {
    }

    record Response(long data) {
    }

    static final int MAX_COMMENT = 1024;

    private final TransferAccess access;
    private final TransferStore store;
    private final TransferQueue queue;
    private final Clock clock;

    TransferOwnershipForAllObject(TransferAccess access, TransferStore store, TransferQueue queue, Clock clock) {
        this.access = access;
        this.store = store;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        PrivilegeTransferRecord record = request.privilegeTransferRecord();
        if (record == null) throw PopErrors.missingParameter("PrivilegeTransferRecord.OldOwner").exception();
        User oldOwner = access.oldOwner(caller, record.oldOwner(), "PrivilegeTransferRecord.OldOwner");
        User newOwner = access.newOwner(caller, record.newOwner(), "PrivilegeTransferRecord.NewOwner");
        if (oldOwner.id() == newOwner.id()) {
            throw PopErrors.invalidParameter("PrivilegeTransferRecord.NewOwner", "the new owner must differ from the old owner").exception();
        }
        checkComment(record.transferComment());
        long tenantId = caller.tenant().id();
        if (store.unfinishedFor(tenantId, oldOwner.id())) {
            throw PopErrors.invalidParameter("PrivilegeTransferRecord.OldOwner",
                    "a transfer of user " + oldOwner.id() + "'s objects is still running; wait for it (GetTransferInfo)").exception();
        }
        long id = store.insert(tenantId, oldOwner.id(), newOwner.id(), record.transferComment(), Status.PENDING, null,
                caller.user().id(), clock.millis());
        queue.enqueue(id);
        return new Response(id);
    }

    static void checkComment(String comment) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw PopErrors.invalidParameter("PrivilegeTransferRecord.TransferComment", "at most " + MAX_COMMENT + " characters").exception();
        }
    }
}
