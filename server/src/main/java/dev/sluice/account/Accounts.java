package dev.sluice.account;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.sluice.account.internal.AccountStore;
import dev.sluice.system.SecretCipher;

/** Read side of accounts, users and keys, as the admission chain and the operations see them. */
@Service
public class Accounts {

    /**
     * Credentials are looked up on every call, so they are cached briefly. Changes made through {@link AccountAdmin}
     * evict at once on this node; the short expiry bounds how long another node of a cluster may lag behind.
     */
    private final Cache<String, Optional<Credential>> credentials = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build();

    private final AccountStore store;
    private final SecretCipher cipher;

    Accounts(AccountStore store, SecretCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    /** The credential behind an AccessKey id, including disabled keys (the caller decides how to refuse them). */
    public Optional<Credential> credential(String accessKeyId) {
        return credentials.get(accessKeyId, this::loadCredential);
    }

    void evictCredentials() {
        credentials.invalidateAll();
    }

    private Optional<Credential> loadCredential(String accessKeyId) {
        return store.accessKey(accessKeyId).flatMap(stored -> store.user(stored.key().userId()).flatMap(user ->
                store.account(user.accountId()).map(account -> {
                    Tenant tenant = store.tenantsOfAccount(account.id()).getFirst();
                    return new Credential(
                            accessKeyId,
                            cipher.decrypt(stored.secretCipher(), accessKeyId),
                            stored.key().enabled(),
                            user,
                            account,
                            tenant,
                            store.policies(user.id()),
                            !store.roles(tenant.id(), user.id()).isEmpty());
                })));
    }

    public Optional<Account> account(long id) {
        return store.account(id);
    }

    public List<Account> accounts() {
        return store.accounts();
    }

    public List<Tenant> tenants(long accountId) {
        return store.tenantsOfAccount(accountId);
    }

    /** A user of any account, by id: for operators' tools; account-scoped code uses {@link #user(long, long)}. */
    public Optional<User> userById(long userId) {
        return store.user(userId);
    }

    public Optional<Tenant> tenant(long tenantId) {
        return store.tenant(tenantId);
    }

    public Optional<User> user(long accountId, long userId) {
        return store.user(userId).filter(u -> u.accountId() == accountId);
    }

    /** The users of one account among the given ids; ids of other accounts' users are simply not found. */
    public List<User> users(long accountId, Collection<Long> userIds) {
        return store.usersOfAccount(accountId, userIds);
    }

    public List<User> users(long accountId) {
        return store.allUsersOfAccount(accountId);
    }

    public Optional<User> userBySourceId(long accountId, String sourceId) {
        return store.userBySource(accountId, sourceId);
    }

    public List<Role> roles(long tenantId, long userId) {
        return store.roles(tenantId, userId);
    }

    /** Every built-in global role, in id order. */
    public List<Role> builtInRoles() {
        return store.allRoles();
    }

    /** The members of a tenant (users holding at least one role there) with their role codes, in user id order. */
    public List<TenantMember> members(long tenantId, long accountId) {
        Map<Long, List<String>> roles = store.memberRoleCodes(tenantId);
        return store.usersOfAccount(accountId, roles.keySet()).stream()
                .map(user -> new TenantMember(user, roles.get(user.id())))
                .toList();
    }

    public boolean isMember(long tenantId, long userId) {
        return !store.roles(tenantId, userId).isEmpty();
    }

    public List<AccessKey> accessKeys(long userId) {
        return store.accessKeysOfUser(userId);
    }
}
