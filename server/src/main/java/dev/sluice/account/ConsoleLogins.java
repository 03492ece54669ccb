package dev.sluice.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.sluice.account.internal.ConsoleLoginStore;

/**
 * Console sign-ins of users: set by the first start and the admin command line, changed by the user. Passwords are
 * kept only as hashes in Spring Security's {@code {id}hash} format, so the console's sign-in checks them with the same
 * delegating encoder and a future change of algorithm re-hashes nothing by force.
 */
@Service
public class ConsoleLogins {

    public static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleLoginStore store;
    private final Accounts accounts;
    private final Clock clock;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    ConsoleLogins(ConsoleLoginStore store, Accounts accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Optional<ConsoleLogin> byLoginName(String loginName) {
        return loginName == null ? Optional.empty() : store.byLoginName(loginName.trim());
    }

    public Optional<ConsoleLogin> ofUser(long userId) {
        return store.byUser(userId);
    }

    /** The sign-in of a user who may use the console now: it exists, and the user exists and is enabled. */
    public Optional<ConsoleLogin> activeLogin(long userId) {
        return ofUser(userId).filter(this::active);
    }

    /** As {@link #activeLogin(long)}, by the name typed on the sign-in page. */
    public Optional<ConsoleLogin> activeLogin(String loginName) {
        return byLoginName(loginName).filter(this::active);
    }

    private boolean active(ConsoleLogin login) {
        return accounts.user(login.accountId(), login.userId()).map(User::enabled).orElse(false);
    }

    /** The name a user signs in with: {@code <user>@<account>}, since user names are unique only within an account. */
    public String loginNameOf(long userId) {
        return ofUser(userId).map(ConsoleLogin::loginName).orElseGet(() -> derivedName(userId));
    }

    /**
     * Gives the user a new random password that must be changed at the next sign-in, creating the sign-in if needed;
     * returns the password, which exists nowhere else.
     */
    public String issuePassword(long userId) {
        String password = randomPassword();
        save(userId, password, true);
        return password;
    }

    /** Sets a password chosen by the person who will use it (no change required). */
    public void setPassword(long userId, String password) {
        requireStrong(userId, password);
        save(userId, password, false);
    }

    /** The user's own change: the current password must match, the new one must differ and follow {@link PasswordRules}. */
    public void changePassword(long userId, String current, String replacement) {
        ConsoleLogin login = ofUser(userId).orElseThrow(() -> new IllegalArgumentException("no console sign-in for user " + userId));
        if (current == null || !encoder.matches(current, login.passwordHash())) {
            throw new IllegalArgumentException("The current password is not correct.");
        }
        if (replacement != null && replacement.equals(current)) {
            throw new IllegalArgumentException("The new password must differ from the current one.");
        }
        requireStrong(userId, replacement);
        save(userId, replacement, false);
    }

    public void setOperator(long userId, boolean operator) {
        ofUser(userId).orElseThrow(() -> new IllegalArgumentException(
                "user " + userId + " has no console sign-in yet; set a password first"));
        store.setOperator(userId, operator, clock.millis());
    }

    private void save(long userId, String password, boolean mustChange) {
        String name = ofUser(userId).map(ConsoleLogin::loginName).orElseGet(() -> derivedName(userId));
        store.upsert(userId, name, encoder.encode(password), mustChange, clock.millis());
    }

    private String derivedName(long userId) {
        User user = accounts.userById(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
        Account account = accounts.account(user.accountId()).orElseThrow();
        return user.name() + "@" + account.name();
    }

    private void requireStrong(long userId, String password) {
        User user = accounts.userById(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
        String accountName = accounts.account(user.accountId()).map(Account::name).orElse(null);
        PasswordRules.require(password, user.name(), accountName);
    }

    private static String randomPassword() {
        StringBuilder out = new StringBuilder(16);
        for (int i = 0; i < 16; i++) out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        return out.toString();
    }
}
