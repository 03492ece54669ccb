package dev.sluice.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Inserting a row whose key the database generates: every such table names its key {@code id}. */
public final class Inserts {

    private Inserts() {
    }

    /** Runs the insert; the id the database gave the new row. */
    public static long newId(JdbcClient.StatementSpec insert) {
        var keys = new GeneratedKeyHolder();
        insert.update(keys, "id");
        return keys.getKey().longValue();
    }
}
