package dev.sluice.account;

/** What creating an account yields: the account, its tenant, its main user and that user's first AccessKey. */
public record NewAccount(Account account, Tenant tenant, User mainUser, KeyPair key) {
}
