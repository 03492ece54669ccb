package dev.sluice.console;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;

/** Console users for tests, and usage written straight into the daily rollups (what every console figure reads). */
public final class ConsoleFixtures {

    public static final String PASSWORD = "correct-horse-battery";

    private ConsoleFixtures() {
    }

    /** Gives the account's main user a console password of their own (no forced change) and returns the login name. */
    public static String consoleUser(ConsoleLogins logins, NewAccount account) {
        logins.setPassword(account.mainUser().id(), PASSWORD);
        return logins.loginNameOf(account.mainUser().id());
    }

    /** Adds admitted calls to the rollup row of (account, day, action, user), as the ledger would have. */
    public static void seed(JdbcClient jdbc, long accountId, long userId, LocalDate day, String action, int level,
                            String type, long calls) {
        jdbc.sql("insert into usage_daily (account_id, call_day, action, user_id, level, op_type, calls, billable) "
                        + "values (?, ?, ?, ?, ?, ?, ?, 0)")
                .params(accountId, Date.valueOf(day), action, userId, level, type, calls).update();
    }
}
