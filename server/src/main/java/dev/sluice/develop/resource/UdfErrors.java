package dev.sluice.develop.resource;

import dev.sluice.protocol.PopError;
import dev.sluice.runner.Engine;

/** Refusals that belong to UDFs. */
public final class UdfErrors {

    /** The code a run answers when its SQL calls a UDF the engine cannot register. */
    public static final String UDF_NOT_RUNNABLE = "UnsupportedOperation.UdfEngine";

    private UdfErrors() {
    }

    /** The UDF {@code name} is stored and versioned, but {@code dialect} cannot run it in Sluice. */
    public static PopError notRunnable(String name, Engine.Dialect dialect) {
        return new PopError(UDF_NOT_RUNNABLE, 400, "The UDF '" + name + "' is stored and versioned but cannot run on the "
                + dialect.name() + " engine: Sluice registers no Java UDFs (DuckDB needs duckdb_jdbc 1.5.2.0 or newer for them,"
                + " PostgreSQL, MySQL and H2 do not load JARs).");
    }
}
