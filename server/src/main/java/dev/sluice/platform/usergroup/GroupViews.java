package dev.sluice.platform.usergroup;

import java.util.List;
import java.util.Map;

import dev.sluice.account.User;
import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.platform.usergroup.UserGroupStore.Member;

/** Groups and users as the user-group operations show them (field names as on the wire). */
final class GroupViews {

    record UserRef(String accountName, String displayName, String id) {

        static UserRef of(long id, Map<Long, User> users) {
            User user = users.get(id);
            return user == null ? new UserRef(null, null, String.valueOf(id))
                    : new UserRef(user.name(), user.displayName(), String.valueOf(id));
        }
    }

    record GroupView(boolean active, List<UserRef> adminList, String description, String id, String myRole, String name) {

        static GroupView of(Group group, List<Member> members, Map<Long, User> users, long callerId) {
            List<UserRef> admins = members.stream().filter(Member::admin).map(m -> UserRef.of(m.userId(), users)).toList();
            String myRole = members.stream().filter(m -> m.userId() == callerId).findFirst()
                    .map(m -> m.admin() ? GroupMembership.ADMIN : GroupMembership.MEMBER).orElse(null);
            return new GroupView(group.active(), admins, group.description(), String.valueOf(group.id()), myRole, group.name());
        }
    }

    private GroupViews() {
    }
}
