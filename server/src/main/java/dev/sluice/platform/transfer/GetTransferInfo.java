package dev.sluice.platform.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.transfer.TransferStore.Item;
import dev.sluice.platform.transfer.TransferStore.Status;
import dev.sluice.platform.transfer.TransferStore.Transfer;

/** The progress of a transfer: its state and, per kind of object, whether everything moved and what failed. */
@Action("GetTransferInfo")
final class GetTransferInfo implements OperationHandler<GetTransferInfo.Request, GetTransferInfo.Response> {

    /** How many failed objects a kind's ErrMsg names before it only counts the rest. */
    static final int ERRORS_SHOWN = 5;

    record Request(long proposalId) {
    }

    record Response(Info data) {
    }

    record Info(UserRef creator, Long flowId, String gmtCreate, String gmtModified, UserRef lastModifier, UserRef newOwner,
                UserRef oldOwner, String privilegeTransferMode, List<Entry> privilegeTransferResultEntries, long proposalId,
                String title, String transferComment, String transferStatus) {
    }

    record UserRef(String displayName, String userId) {
    }

    record Entry(String errMsg, String privilegeDisplayName, String status) {
    }

    private final TransferAccess access;
    private final TransferStore store;
    private final TenantUsers users;

    GetTransferInfo(TransferAccess access, TransferStore store, TenantUsers users) {
        this.access = access;
        this.store = store;
        this.users = users;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Transfer t = access.visible(caller, request.proposalId());
        Map<Long, User> names = users.byId(caller, List.of(t.createdBy(), t.modifiedBy(), t.oldOwner(), t.newOwner()));
        UserRef oldOwner = ref(t.oldOwner(), names);
        UserRef newOwner = ref(t.newOwner(), names);
        String title = "Transfer of everything " + oldOwner.displayName() + " owns to " + newOwner.displayName();
        return new Response(new Info(ref(t.createdBy(), names), null, String.valueOf(t.createdAt()), String.valueOf(t.modifiedAt()),
                ref(t.modifiedBy(), names), newOwner, oldOwner, "ONE_STOP", entries(store.items(t.id())), t.id(), title,
                t.comment(), t.status().name()));
    }

    private static List<Entry> entries(List<Item> items) {
        Map<String, List<Item>> byKind = items.stream().collect(Collectors.groupingBy(Item::objectType, LinkedHashMap::new, Collectors.toList()));
        List<Entry> entries = new ArrayList<>();
        byKind.forEach((kind, kindItems) -> {
            List<Item> failed = kindItems.stream().filter(i -> i.status() == Status.FAILED).toList();
            boolean pending = kindItems.stream().anyMatch(i -> i.status() == Status.PENDING);
            String status = !failed.isEmpty() ? "FAILED" : pending ? "RUNNING" : "SUCCESS";
            String errors = failed.isEmpty() ? null : failed.stream().limit(ERRORS_SHOWN)
                    .map(i -> (i.objectName() == null ? i.objectId() : i.objectName()) + ": " + i.error())
                    .collect(Collectors.joining("; "))
                    + (failed.size() > ERRORS_SHOWN ? "; and " + (failed.size() - ERRORS_SHOWN) + " more" : "");
            entries.add(new Entry(errors, kind + " owner (" + kindItems.size() + ")", status));
        });
        return entries;
    }

    private static UserRef ref(long id, Map<Long, User> names) {
        User user = names.get(id);
        return new UserRef(user == null ? null : user.displayName(), String.valueOf(id));
    }
}
