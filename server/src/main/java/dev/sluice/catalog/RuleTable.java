package dev.sluice.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The hand-kept tables beside the catalog (text rules, value rules): rows of white-space separated cells, # comments. */
final class RuleTable {

    private RuleTable() {
    }

    /** The lines of a table on the classpath; a missing table stops the catalog from loading. */
    static List<String> lines(String resource, String what) {
        try (InputStream in = RuleTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(what + " '" + resource + "' are not on the classpath");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " '" + resource + "'", e);
        }
    }

    /** The cells of a row, or null for a blank or comment line. */
    static String[] cells(String line) {
        if (line.isBlank() || line.startsWith("#")) return null;
        return line.trim().split("\\s+");
    }
}
