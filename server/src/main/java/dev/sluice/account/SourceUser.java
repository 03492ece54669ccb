package dev.sluice.account;

/** A user as a source system (the cloud account system, a DingTalk directory) describes it, before it joins an account. */
public record SourceUser(String sourceType, String sourceId, String accountName, String displayName, String mail,
                         String mobilePhone, String dingNumber) {
}
