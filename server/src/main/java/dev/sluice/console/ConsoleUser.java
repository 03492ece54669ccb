package dev.sluice.console;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dev.sluice.account.ConsoleLogin;

/**
 * The person signed in to the console: a user of one account, who sees only that account, or an operator, who also
 * sees the admin view. Kept in the session; {@code mustChangePassword} is cleared there once the password is changed.
 * Every console request compares it with the stored sign-in ({@link #stillMatches}), so a session outlives neither a
 * disabled user, nor a changed operator flag, nor a password set elsewhere.
 */
public final class ConsoleUser implements UserDetails, CredentialsContainer {

    public static final String OPERATOR = "ROLE_OPERATOR";

    private final long userId;
    private final long accountId;
    private final String loginName;
    private String passwordHash;
    private final boolean operator;
    private final boolean mustChangePassword;
    private final String passwordFingerprint;

    public ConsoleUser(ConsoleLogin login) {
        this(login.userId(), login.accountId(), login.loginName(), login.passwordHash(), login.operator(), login.mustChange(),
                login.passwordFingerprint());
    }

    private ConsoleUser(long userId, long accountId, String loginName, String passwordHash, boolean operator,
                        boolean mustChangePassword, String passwordFingerprint) {
        this.userId = userId;
        this.accountId = accountId;
        this.loginName = loginName;
        this.passwordHash = passwordHash;
        this.operator = operator;
        this.mustChangePassword = mustChangePassword;
        this.passwordFingerprint = passwordFingerprint;
    }

    /** After the user's own change in this session: the session goes on with the new password's fingerprint. */
    public ConsoleUser withPasswordChanged(ConsoleLogin changed) {
        return new ConsoleUser(userId, accountId, loginName, null, operator, false, changed.passwordFingerprint());
    }

    /** Whether the stored sign-in is still the one this session was opened with (same password, same operator flag). */
    public boolean stillMatches(ConsoleLogin current) {
        return current.userId() == userId && current.operator() == operator
                && current.passwordFingerprint().equals(passwordFingerprint);
    }

    public long userId() {
        return userId;
    }

    public long accountId() {
        return accountId;
    }

    public String loginName() {
        return loginName;
    }

    public boolean operator() {
        return operator;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return operator ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority(OPERATOR))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return loginName;
    }

    /** Spring Security drops the hash once sign-in succeeded, so the session never holds it. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + loginName + "]";
    }
}
