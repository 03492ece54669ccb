package dev.sluice.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.account.User;
import dev.sluice.protocol.PopErrors;

/**
 * Resolves user ids given on the wire to members of the caller's tenant. An id that names no member (malformed,
 * unknown, another account's user, or a user who left the tenant) is refused the same way, so nothing about other
 * tenants can be learned from the answer.
 */
@Component
public class TenantUsers {

    private final Accounts accounts;

    TenantUsers(Accounts accounts) {
        this.accounts = accounts;
    }

    /** @param path the wire path of the id, e.g. {@code AddCommand.UserIdList[2]}, named in the error */
    public User member(Caller caller, String id, String path) {
        return find(caller, id).orElseThrow(() ->
                PopErrors.invalidParameter(path, "'" + id + "' is not a user id of a member of this tenant").exception());
    }

    /** The members named by {@code ids}, without duplicates, in the order given. */
    public List<User> members(Caller caller, List<String> ids, String path) {
        Map<Long, User> found = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            User user = member(caller, ids.get(i), path + "[" + i + "]");
            found.putIfAbsent(user.id(), user);
        }
        return new ArrayList<>(found.values());
    }

    public Optional<User> find(Caller caller, String id) {
        Long numeric = parseId(id);
        if (numeric == null) return Optional.empty();
        return accounts.user(caller.account().id(), numeric).filter(user -> accounts.isMember(caller.tenant().id(), user.id()));
    }

    /** Users of the caller's account by id (members or not), for showing names next to stored ids. */
    public Map<Long, User> byId(Caller caller, Collection<Long> ids) {
        Map<Long, User> byId = new LinkedHashMap<>();
        for (User user : accounts.users(caller.account().id(), ids)) byId.put(user.id(), user);
        return byId;
    }

    public static Long parseId(String id) {
        return id != null && id.matches("\\d{1,18}") ? Long.parseLong(id) : null;
    }
}
