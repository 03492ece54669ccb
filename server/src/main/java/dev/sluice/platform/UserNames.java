package dev.sluice.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.account.User;

/** Display names of an account's users, looked up once per answer rather than once per row. */
@Component
public class UserNames {

    private final Accounts accounts;

    UserNames(Accounts accounts) {
        this.accounts = accounts;
    }

    public Map<Long, String> of(long accountId, Collection<Long> userIds) {
        Set<Long> ids = userIds.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) return names;
        for (User user : accounts.users(accountId, ids)) names.put(user.id(), user.displayName());
        return names;
    }

    public String of(long accountId, long userId) {
        return of(accountId, Set.of(userId)).get(userId);
    }
}
