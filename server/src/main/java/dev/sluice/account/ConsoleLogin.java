package dev.sluice.account;

/**
 * A user's console sign-in: the login name ({@code user@account}), the password hash, whether the password must be
 * changed before anything else, and whether the user is an operator (sees every account).
 */
public record ConsoleLogin(long userId, long accountId, String loginName, String passwordHash, boolean mustChange,
                           boolean operator) {

    @Override
    public String toString() {
        return "ConsoleLogin[" + loginName + ", user " + userId + (operator ? ", operator" : "") + "]";
    }
}
