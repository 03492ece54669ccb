package dev.sluice.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.sluice.account.Accounts;
import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.internal.UserView;
import dev.sluice.protocol.PopErrors;

/**
 * Users of the caller's account by id. Ids that name no user of this account (unknown, or another account's) are
 * left out of the answer rather than revealed.
 */
@Action("GetUsers")
final class GetUsers implements OperationHandler<GetUsers.Request, GetUsers.Response> {

    static final int MAX_IDS = 1000;

    record Request(List<String> userIdList) {
    }

    record Response(List<UserView> userList) {
    }

    private final Accounts accounts;

    GetUsers(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        List<String> ids = request.userIdList();
        if (ids.size() > MAX_IDS) {
            throw PopErrors.invalidParameter("UserIdList", "at most " + MAX_IDS + " ids per call, got " + ids.size()).exception();
        }
        Set<Long> numeric = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null && id.matches("\\d{1,18}")) numeric.add(Long.parseLong(id));
        }
        String parentId = mainUserId(caller);
        List<UserView> found = new ArrayList<>();
        for (User user : accounts.users(caller.account().id(), numeric)) found.add(UserView.of(user, parentId));
        return new Response(found);
    }

    private String mainUserId(Caller caller) {
        return accounts.users(caller.account().id()).stream().filter(User::mainUser).findFirst()
                .map(u -> String.valueOf(u.id())).orElse(null);
    }
}
