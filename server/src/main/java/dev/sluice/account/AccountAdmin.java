package dev.sluice.account;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.account.internal.AccountStore;
import dev.sluice.account.internal.KeyGenerator;
import dev.sluice.plan.Plans;
import dev.sluice.system.SecretCipher;

/** Operator-side changes to accounts, users and keys: used by the bootstrap, the admin command line and the console. */
@Service
public class AccountAdmin {

    private final AccountStore store;
    private final SecretCipher cipher;
    private final Accounts accounts;
    private final Clock clock;
    private final Plans plans;
    private final TransactionTemplate transaction;

    AccountAdmin(AccountStore store, SecretCipher cipher, Accounts accounts, Clock clock, Plans plans, TransactionTemplate transaction) {
        this.store = store;
        this.cipher = cipher;
        this.accounts = accounts;
        this.clock = clock;
        this.plans = plans;
        this.transaction = transaction;
    }

    /** Creates an account with its tenant and a main user holding full access, the super administrator role and one key. */
    public NewAccount createAccount(String name, String plan, String region, String mainUserName) {
        return transaction.execute(status -> {
            requireText(name, "account name");
            requireText(region, "region");
            requireText(mainUserName, "user name");
            String planName = knownPlan(plan);
            if (store.accountByName(name).isPresent()) throw new IllegalArgumentException("an account named '" + name + "' exists already");
            long now = clock.millis();
            long accountId = store.insertAccount(name, planName, region, now);
            long tenantId = store.insertTenant(accountId, name, "Tenant of account " + name, now);
            long userId = store.insertUser(accountId, mainUserName, mainUserName, true, "ALIYUN", KeyGenerator.sourceUserId(), now);
            store.setTenantOwner(tenantId, userId);
            store.replacePolicies(userId, Set.of(Policy.FULL_ACCESS));
            store.grantRole(tenantId, userId, "super_admin");
            KeyPair key = createKey(userId, now);
            Account account = store.account(accountId).orElseThrow();
            Tenant tenant = store.tenantsOfAccount(accountId).getFirst();
            return new NewAccount(account, tenant, store.user(userId).orElseThrow(), key);
        });
    }

    /** Adds a sub-user to an account with the given system policies (none: the user can sign but every call is refused). */
    public User createUser(long accountId, String name, Set<Policy> policies) {
        return transaction.execute(status -> {
            requireText(name, "user name");
            store.account(accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
            long now = clock.millis();
            long userId = store.insertUser(accountId, name, name, false, "ALIYUN", KeyGenerator.sourceUserId(), now);
            store.replacePolicies(userId, policies);
            long tenantId = store.tenantsOfAccount(accountId).getFirst().id();
            store.grantRole(tenantId, userId, "member");
            return store.user(userId).orElseThrow();
        });
    }

    /**
     * Makes a user of the tenant's account a member holding exactly the given roles (codes as in {@link Role#code()});
     * the ordinary {@code member} role is always kept, so a member never ends up without one.
     *
     * @throws IllegalArgumentException for a role code that is not a built-in role
     */
    public void setMemberRoles(long tenantId, long userId, Set<String> roleCodes) {
        transaction.executeWithoutResult(status -> {
            Set<String> known = store.allRoles().stream().map(Role::code).collect(Collectors.toSet());
            for (String code : roleCodes) {
                if (!known.contains(code)) throw new IllegalArgumentException("no built-in role '" + code + "'");
            }
            store.revokeRoles(tenantId, userId);
            Set<String> granted = new TreeSet<>(roleCodes);
            granted.add("member");
            for (String code : granted) store.grantRole(tenantId, userId, code);
            accounts.evictCredentials(); // membership is part of every credential
        });
    }

    /** Takes every role of the tenant from the user; the user stays in the account. False when it was no member. */
    public boolean removeMember(long tenantId, long userId) {
        boolean removed = store.revokeRoles(tenantId, userId) > 0;
        accounts.evictCredentials(); // the removed user's keys stop acting in the tenant at once
        return removed;
    }

    /** Changes the contact details that are given (non-null); the others stay as they are. */
    public void updateContact(long userId, String mail, String mobilePhone, String dingNumber) {
        if (store.updateContact(userId, mail, mobilePhone, dingNumber, clock.millis()) == 0) {
            throw new IllegalArgumentException("no user " + userId);
        }
    }

    /**
     * Adds a user known to a source system to the account, without policies or keys: it can be a member and be granted
     * permissions, but cannot call the API until an operator gives it a policy and a key.
     */
    public User createSourceUser(long accountId, SourceUser source) {
        return transaction.execute(status -> {
            requireText(source.sourceId(), "source id");
            store.account(accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
            String name = source.accountName() == null || source.accountName().isBlank() ? source.sourceId() : source.accountName();
            String display = source.displayName() == null || source.displayName().isBlank() ? name : source.displayName();
            String type = source.sourceType() == null || source.sourceType().isBlank() ? "ALIYUN" : source.sourceType();
            long now = clock.millis();
            long userId = store.insertUser(accountId, name, display, false, type, source.sourceId(), now);
            store.updateContact(userId, source.mail(), source.mobilePhone(), source.dingNumber(), now);
            return store.user(userId).orElseThrow();
        });
    }

    public KeyPair createAccessKey(long userId) {
        return transaction.execute(status -> {
            store.user(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
            return createKey(userId, clock.millis());
        });
    }

    public void setAccessKeyEnabled(String accessKeyId, boolean enabled) {
        if (store.setAccessKeyEnabled(accessKeyId, enabled) == 0) throw new IllegalArgumentException("no AccessKey " + accessKeyId);
        accounts.evictCredentials();
    }

    public void deleteAccessKey(String accessKeyId) {
        if (store.deleteAccessKey(accessKeyId) == 0) throw new IllegalArgumentException("no AccessKey " + accessKeyId);
        accounts.evictCredentials();
    }

    public void setPolicies(long userId, Set<Policy> policies) {
        transaction.executeWithoutResult(status -> {
            store.user(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
            store.replacePolicies(userId, policies);
            accounts.evictCredentials();
        });
    }

    public void setUserEnabled(long userId, boolean enabled) {
        if (store.setUserEnabled(userId, enabled, clock.millis()) == 0) throw new IllegalArgumentException("no user " + userId);
        accounts.evictCredentials();
    }

    /** Changes the plan and billing switches of an account; takes effect on the next call. */
    public Account updateAccount(long accountId, String plan, boolean payAsYouGo, boolean overdue) {
        if (store.updateAccount(accountId, knownPlan(plan), payAsYouGo, overdue) == 0) throw new IllegalArgumentException("no account " + accountId);
        accounts.evictCredentials();
        return store.account(accountId).orElseThrow();
    }

    /**
     * Creates the first account exactly once per database. The marker row and the account commit together, so when
     * several nodes of a cluster start on an empty database one creates it and the others find it done.
     */
    public java.util.Optional<NewAccount> bootstrapFirstAccount(String name, String plan, String region, String userName) {
        return transaction.execute(status -> {
            if (store.anyAccount() || !store.claimMarker("bootstrap", String.valueOf(clock.millis()))) return java.util.Optional.empty();
            return java.util.Optional.of(createAccount(name, plan, region, userName));
        });
    }

    private KeyPair createKey(long userId, long now) {
        String id = KeyGenerator.accessKeyId();
        String secret = KeyGenerator.accessKeySecret();
        store.insertAccessKey(id, userId, cipher.encrypt(secret, id), now);
        return new KeyPair(id, secret);
    }

    private String knownPlan(String plan) {
        return plans.find(plan).map(p -> p.name()).orElseThrow(() ->
                new IllegalArgumentException("unknown plan '" + plan + "'; configured plans: " + plans.names()));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("the " + what + " must not be empty");
    }
}
