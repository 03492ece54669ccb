package dev.sluice.account;

import java.util.List;

/**
 * What other modules add to the very first start, after the first account exists and in the same transaction: an
 * interrupted first start leaves nothing behind, so the next start does all of it again. Called synchronously, so
 * the banner can show what was made.
 */
public interface FirstStartContribution {

    /** The first account as contributions see it (its key's secret is not theirs to know). */
    record FirstAccount(long accountId, long tenantId, long userId, String accessKeyId, String endpoint, String port) {
    }

    /**
     * Does this module's part of the first start; a failure that should not stop the server is handled (and logged)
     * here, as an exception rolls the whole first start back.
     *
     * @return what to print, each fact on its own "Name: value" line, after the account's lines
     */
    List<String> onFirstStart(FirstAccount first);
}
