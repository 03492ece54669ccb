package dev.sluice.catalog;

import java.util.Locale;

/**
 * The product editions a tenant can run. Each operation names the lowest edition that may call it; Personal is a
 * cut-down Agile, so for access it counts as Agile.
 */
public enum Edition {
    PERSONAL,
    AGILE,
    BASIC,
    INTELLIGENT;

    /** Whether a tenant on this edition may call an operation whose minimum edition is {@code minimum}. */
    public boolean covers(Edition minimum) {
        return accessRank() >= minimum.accessRank();
    }

    private int accessRank() {
        return this == PERSONAL ? AGILE.ordinal() : ordinal();
    }

    /** Parses the catalog's spelling ("Agile") as well as the constant names in any case ("agile", "AGILE"). */
    public static Edition parse(String text) {
        if (text == null) throw new IllegalArgumentException("edition is missing");
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown edition '" + text + "'");
        }
    }
}
