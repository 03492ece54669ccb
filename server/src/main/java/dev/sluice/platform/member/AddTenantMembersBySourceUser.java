package dev.sluice.platform.member;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.Accounts;
import dev.sluice.account.SourceUser;
import dev.sluice.account.User;
import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/**
 * Makes source-system users (by their source id) ordinary members: a source id the account knows already names that
 * user, an unknown one creates a user without policies or keys. Although the reference does not restrict it, this adds
 * users to the account, so only super and system administrators may call it, like AddTenantMembers.
 */
@Action("AddTenantMembersBySourceUser")
final class AddTenantMembersBySourceUser
        implements OperationHandler<AddTenantMembersBySourceUser.Request, AddTenantMembersBySourceUser.Response> {

    record Request(AddCommand addCommand) {
    }

    record AddCommand(List<SourceUserEntry> sourceUserList) {
    }

    record SourceUserEntry(String accountName, String dingNumber, String displayName, String mail, String mobilePhone,
                           String sourceId, String sourceType) {
    }

    record Response(boolean data) {
    }

    private final Accounts accounts;
    private final AccountAdmin admin;
    private final MemberRoles roles;
    private final Access access;
    private final TransactionTemplate transaction;

    AddTenantMembersBySourceUser(Accounts accounts, AccountAdmin admin, MemberRoles roles, Access access,
                                 TransactionTemplate transaction) {
        this.accounts = accounts;
        this.admin = admin;
        this.roles = roles;
        this.access = access;
        // Nested (a savepoint inside the write's outer transaction, see gateway.RecordedWrites): a lost race rolls back
        // only this attempt, so the next one can run in the same transaction (PostgreSQL refuses every statement of a
        // transaction after a failed one).
        this.transaction = new TransactionTemplate(transaction.getTransactionManager());
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** How often a call is run again after a concurrent identical call took the same source id first. */
    static final int ATTEMPTS = 3;

    @Override
    public Response handle(Caller caller, Request request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return add(caller, request);
            } catch (DuplicateKeyException raced) {
                // Another call created the same source user (or membership) since this one looked. Adding a known
                // user is a success that changes nothing, so running again answers what a later call would answer.
                if (attempt == ATTEMPTS) throw raced;
            }
        }
    }

    private Response add(Caller caller, Request request) {
        access.tenantAdmin(caller, "super administrators or system administrators");
        List<SourceUserEntry> given = request.addCommand() == null || request.addCommand().sourceUserList() == null
                ? List.of() : request.addCommand().sourceUserList();
        if (given.isEmpty()) throw PopErrors.missingParameter("AddCommand.SourceUserList").exception();
        if (given.size() > AddTenantMembers.MAX_USERS) {
            throw PopErrors.invalidParameter("AddCommand.SourceUserList",
                    "at most " + AddTenantMembers.MAX_USERS + " users per call, got " + given.size()).exception();
        }
        Set<String> seen = new HashSet<>();
        List<SourceUserEntry> entries = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String path = "AddCommand.SourceUserList[" + i + "]";
            SourceUserEntry entry = given.get(i);
            if (entry.sourceId() == null || entry.sourceId().isBlank()) throw PopErrors.missingParameter(path + ".SourceId").exception();
            if (entry.sourceId().length() > 128) throw PopErrors.invalidParameter(path + ".SourceId", "at most 128 characters").exception();
            if (!seen.add(entry.sourceId())) throw PopErrors.invalidParameter(path + ".SourceId", "'" + entry.sourceId() + "' is named twice").exception();
            String name = entry.accountName() == null || entry.accountName().isBlank() ? entry.sourceId() : entry.accountName();
            boolean known = accounts.userBySourceId(caller.account().id(), entry.sourceId()).isPresent();
            // The name belongs to someone else unless its user is this very source user (a concurrent identical call
            // may have created it between the two reads).
            if (!known && accounts.users(caller.account().id()).stream()
                    .anyMatch(u -> u.name().equals(name) && !entry.sourceId().equals(u.sourceId()))) {
                throw PopErrors.invalidParameter(path + ".AccountName", "the account has a user named '" + name + "' already").exception();
            }
            entries.add(entry);
        }
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < entries.size(); i++) {
                SourceUserEntry e = entries.get(i);
                User user = accounts.userBySourceId(caller.account().id(), e.sourceId()).orElseGet(() -> admin.createSourceUser(
                        caller.account().id(), new SourceUser(e.sourceType(), e.sourceId(), e.accountName(), e.displayName(),
                                e.mail(), e.mobilePhone(), e.dingNumber())));
                if (!accounts.isMember(caller.tenant().id(), user.id())) {
                    roles.set(caller, user, Set.of(), "AddCommand.SourceUserList[" + i + "]");
                }
            }
        });
        return new Response(true);
    }
}
