package dev.sluice.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** What the ledger holds for an account, read straight from the database: the truth the tests compare answers with. */
public final class LedgerRows {

    private LedgerRows() {
    }

    /** Admitted calls of the account: request id to the number of rows (more than one would be a duplicate). */
    public static Map<String, Integer> admitted(Connection db, long accountId) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (var statement = db.prepareStatement("select request_id from call_ledger where admitted and account_id = ?")) {
            statement.setLong(1, accountId);
            try (var result = statement.executeQuery()) {
                while (result.next()) rows.merge(result.getString(1), 1, Integer::sum);
            }
        }
        return rows;
    }
}
