package dev.sluice.platform.transfer;

import java.time.Clock;
import java.util.List;


import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.transfer.TransferJobs.TransferQueue;
import dev.sluice.platform.transfer.TransferStore.Item;
import dev.sluice.platform.transfer.TransferStore.Status;
import dev.sluice.platform.transfer.TransferStore.Transfer;
import dev.sluice.protocol.PopErrors;

/**
 * Retries the failed items of a finished transfer, to the same or another new owner, as a new transfer whose id is
 * answered; the old one is marked RETRIED and keeps its history.
 */
@Action("RetryTransferOwnership")
final class RetryTransferOwnership implements OperationHandler<RetryTransferOwnership.Request, RetryTransferOwnership.Response> {

    record Request(PrivilegeTransferRecord privilegeTransferRecord) {
    }

    record PrivilegeTransferRecord(Long id, String newOwner, String transferComment) {
    }

    record Response(long data) {
    }

    private final TransferAccess access;
    private final TransferStore store;
    private final TransferQueue queue;
    private final Clock clock;

    RetryTransferOwnership(TransferAccess access, TransferStore store, TransferQueue queue, Clock clock) {
        this.access = access;
        this.store = store;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        PrivilegeTransferRecord record = request.privilegeTransferRecord();
        if (record == null) throw PopErrors.missingParameter("PrivilegeTransferRecord.Id").exception();
        Transfer failed = access.visible(caller, record.id());
        User oldOwner = access.oldOwner(caller, String.valueOf(failed.oldOwner()), "PrivilegeTransferRecord.Id");
        User newOwner = access.newOwner(caller, record.newOwner(), "PrivilegeTransferRecord.NewOwner");
        if (oldOwner.id() == newOwner.id()) {
            throw PopErrors.invalidParameter("PrivilegeTransferRecord.NewOwner", "the new owner must differ from the old owner").exception();
        }
        TransferOwnershipForAllObject.checkComment(record.transferComment());
        if (failed.status() != Status.FAILED) {
            throw PopErrors.invalidParameter("PrivilegeTransferRecord.Id", "transfer " + failed.id() + " is " + failed.status()
                    + "; only a FAILED transfer can be retried").exception();
        }
        List<Item> retried = store.items(failed.id()).stream().filter(item -> item.status() == Status.FAILED).toList();
        String comment = record.transferComment() == null ? failed.comment() : record.transferComment();
        long id = store.insert(failed.tenantId(), failed.oldOwner(), newOwner.id(), comment, Status.RUNNING, failed.id(),
                caller.user().id(), clock.millis());
        for (Item item : retried) store.insertItem(id, item.objectType(), item.objectId(), item.objectName(), Status.PENDING, null);
        store.setStatus(failed.id(), Status.RETRIED, caller.user().id(), clock.millis());
        queue.enqueue(id);
        return new Response(id);
    }
}
