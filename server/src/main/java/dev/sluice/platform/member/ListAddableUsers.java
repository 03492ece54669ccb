package dev.sluice.platform.member;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.sluice.account.Accounts;
import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.platform.internal.UserView;

/** Users of the caller's account who are not members of the tenant yet, and so can be added. */
@Action("ListAddableUsers")
final class ListAddableUsers implements OperationHandler<ListAddableUsers.Request, ListAddableUsers.Response> {

    record Request(ListQuery listQuery) {
    }

    record ListQuery(Integer page, Integer pageSize, String searchText) implements Paging.PageQuery {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(long totalCount, List<UserView> userList) {
    }

    private final Accounts accounts;

    ListAddableUsers(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ListQuery query = request.listQuery();
        Paging paging = query.paging("ListQuery");
        String search = query.searchText() == null || query.searchText().isBlank() ? null
                : query.searchText().trim().toLowerCase(Locale.ROOT);
        long accountId = caller.account().id();
        Set<Long> members = accounts.members(caller.tenant().id(), accountId).stream().map(m -> m.user().id())
                .collect(Collectors.toSet());
        List<User> all = accounts.users(accountId);
        String parentId = all.stream().filter(User::mainUser).findFirst().map(u -> String.valueOf(u.id())).orElse(null);
        List<User> addable = all.stream().filter(u -> !members.contains(u.id()))
                .filter(u -> search == null || ListTenantMembers.matches(u, search)).toList();
        return new Response(new PageResult(addable.size(), paging.slice(addable).stream().map(u -> UserView.of(u, parentId)).toList()));
    }
}
