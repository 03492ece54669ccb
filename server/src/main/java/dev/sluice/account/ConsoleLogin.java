package dev.sluice.account;

/**
 * A user's console sign-in: the login name ({@code user@account}), the password hash, whether the password must be
 * changed before anything else, and whether the user is an operator (sees every account).
 */
public record ConsoleLogin(long userId, long accountId, String loginName, String passwordHash, boolean mustChange,
                           boolean operator) {

    /**
     * A digest of the stored hash, which changes whenever the password is set (each hash has its own salt). Sessions
     * keep this instead of the hash, and end when it no longer matches.
     */
    public String passwordFingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ConsoleLogin[" + loginName + ", user " + userId + (operator ? ", operator" : "") + "]";
    }
}
