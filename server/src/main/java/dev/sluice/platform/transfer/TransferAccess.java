package dev.sluice.platform.transfer;

import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.account.User;
import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.TenantRoles;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.transfer.TransferStore.Transfer;
import dev.sluice.protocol.PopErrors;

/**
 * Who may move whose objects: super administrators anyone's, system administrators anyone's but a super
 * administrator's, every other user only its own. The old owner need not be a member any more (a leaver's objects are
 * the usual case); the new owner must be one.
 */
@Component
class TransferAccess {

    private final Accounts accounts;
    private final TenantUsers users;
    private final Access access;
    private final TransferStore store;

    TransferAccess(Accounts accounts, TenantUsers users, Access access, TransferStore store) {
        this.accounts = accounts;
        this.users = users;
        this.access = access;
        this.store = store;
    }

    User oldOwner(Caller caller, String id, String path) {
        Long numeric = TenantUsers.parseId(id);
        User user = numeric == null ? null : accounts.user(caller.account().id(), numeric).orElse(null);
        if (user == null) throw PopErrors.invalidParameter(path, "'" + id + "' is not a user id of this account").exception();
        if (user.id() != caller.user().id() && !access.isTenantAdmin(caller)) {
            throw PopErrors.forbidden("Only super or system administrators may transfer objects of another user.").exception();
        }
        // Moving a super administrator's objects would let a system administrator take them over; only its peers may.
        boolean superAdmin = accounts.roles(caller.tenant().id(), user.id()).stream().anyMatch(r -> r.code().equals(TenantRoles.SUPER_ADMIN));
        if (user.id() != caller.user().id() && superAdmin && !access.isSuperAdmin(caller)) {
            throw PopErrors.forbidden("Only super administrators may transfer objects of a super administrator.").exception();
        }
        return user;
    }

    User newOwner(Caller caller, String id, String path) {
        return users.member(caller, id, path);
    }

    /** A transfer of the caller's tenant that the caller took part in, or any of the tenant's for administrators. */
    Transfer visible(Caller caller, long id) {
        Transfer transfer = store.find(caller.tenant().id(), id)
                .orElseThrow(() -> PopErrors.notFound("ownership transfer", id).exception());
        long me = caller.user().id();
        boolean involved = transfer.createdBy() == me || transfer.oldOwner() == me || transfer.newOwner() == me;
        if (!involved && !access.isTenantAdmin(caller)) {
            throw PopErrors.forbidden("Ownership transfer " + id + " is visible to its creator, both owners and administrators only.")
                    .exception();
        }
        return transfer;
    }
}
