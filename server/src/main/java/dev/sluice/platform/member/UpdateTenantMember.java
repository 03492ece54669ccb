package dev.sluice.platform.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;


import dev.sluice.account.AccountAdmin;
import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.protocol.PopErrors;

/**
 * Changes members' roles (when RoleList is given) and contact details (those given); all members or none. A super
 * administrator is changed only by a super administrator (see {@link MemberRoles}).
 */
@Action("UpdateTenantMember")
final class UpdateTenantMember implements OperationHandler<UpdateTenantMember.Request, Void> {

    record Request(UpdateCommand updateCommand) {
    }

    record UpdateCommand(List<MemberChange> memberList) {
    }

    record MemberChange(String dingNumber, String mail, String mobilePhone, List<String> roleList, String userId) {
    }

    private record Change(User user, MemberChange wanted, Set<String> roles, String path) {
    }

    private final TenantUsers users;
    private final MemberRoles roles;
    private final AccountAdmin admin;

    UpdateTenantMember(TenantUsers users, MemberRoles roles, AccountAdmin admin) {
        this.users = users;
        this.roles = roles;
        this.admin = admin;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        List<MemberChange> given = request.updateCommand().memberList();
        if (given.isEmpty()) throw PopErrors.invalidParameter("UpdateCommand.MemberList", "name at least one member").exception();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String path = "UpdateCommand.MemberList[" + i + "]";
            MemberChange change = given.get(i);
            if (change.userId() == null) throw PopErrors.missingParameter(path + ".UserId").exception();
            User user = users.member(caller, change.userId(), path + ".UserId");
            roles.requireMayChange(caller, user, path + ".UserId");
            Contact.check(change.mail(), change.mobilePhone(), change.dingNumber(), path);
            Set<String> wanted = change.roleList() == null ? null : roles.parse(change.roleList(), path + ".RoleList");
            changes.add(new Change(user, change, wanted, path));
        }
        for (Change c : changes) {
            if (c.roles() != null) roles.set(caller, c.user(), c.roles(), c.path() + ".RoleList");
            if (c.wanted().mail() != null || c.wanted().mobilePhone() != null || c.wanted().dingNumber() != null) {
                admin.updateContact(c.user().id(), c.wanted().mail(), c.wanted().mobilePhone(), c.wanted().dingNumber());
            }
        }
        return null; // nothing beside the envelope
    }
}
