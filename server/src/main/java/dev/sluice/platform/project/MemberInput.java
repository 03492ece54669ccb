package dev.sluice.platform.project;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.sluice.account.User;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.protocol.PopErrors;

/** The {@code UserList} of AddProjectMember and UpdateProjectMember, checked: known users, valid roles, no repeats. */
final class MemberInput {

    static final int MAX_USERS = 200;

    record Wire(String userId, List<Integer> roleList) {
    }

    record Checked(User user, Set<ProjectRole> roles) {
    }

    private MemberInput() {
    }

    static List<Checked> check(Caller caller, TenantUsers users, List<Wire> wire, String path) {
        if (wire.isEmpty()) throw PopErrors.invalidParameter(path, "name at least one user").exception();
        if (wire.size() > MAX_USERS) throw PopErrors.invalidParameter(path, "at most " + MAX_USERS + " users per call, got " + wire.size()).exception();
        List<Checked> checked = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < wire.size(); i++) {
            String at = path + "[" + i + "]";
            User user = users.member(caller, wire.get(i).userId(), at + ".UserId");
            if (!seen.add(user.id())) throw PopErrors.invalidParameter(at + ".UserId", "the user " + user.id() + " is listed twice").exception();
            List<Integer> roles = wire.get(i).roleList();
            if (roles.isEmpty()) throw PopErrors.invalidParameter(at + ".RoleList", "name at least one role").exception();
            Set<ProjectRole> parsed = EnumSet.noneOf(ProjectRole.class);
            for (int r = 0; r < roles.size(); r++) {
                int id = roles.get(r);
                parsed.add(ProjectRole.of(id).orElseThrow(() -> PopErrors.invalidParameter(at + ".RoleList",
                        "unknown role " + id + "; roles are 1 (administrator), 2 (developer), 3 (visitor), 4 (analyst), 5 (O&M engineer)").exception()));
            }
            checked.add(new Checked(user, parsed));
        }
        return checked;
    }
}
