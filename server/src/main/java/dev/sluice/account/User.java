package dev.sluice.account;

/** A user of an account: its main user or one of its sub-users. */
public record User(long id, long accountId, String name, String displayName, boolean mainUser, boolean enabled,
                   String sourceType, String sourceId, String mail, String mobilePhone, long createdAt, long modifiedAt,
                   String dingNumber) {

    public User(long id, long accountId, String name, String displayName, boolean mainUser, boolean enabled,
                String sourceType, String sourceId, String mail, String mobilePhone, long createdAt, long modifiedAt) {
        this(id, accountId, name, displayName, mainUser, enabled, sourceType, sourceId, mail, mobilePhone, createdAt, modifiedAt, null);
    }
}
