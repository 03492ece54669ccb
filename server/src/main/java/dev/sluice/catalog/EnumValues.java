package dev.sluice.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table of enum values ({@code catalog/enum-values.txt}): one row per parameter ({@code Action:Path}, array
 * elements written {@code []}), naming whether case matters and the allowed values.
 */
final class EnumValues {

    static final String RESOURCE = "catalog/enum-values.txt";

    private final Map<String, AllowedValues> byPath;
    private final Set<String> used = new HashSet<>();

    private EnumValues(Map<String, AllowedValues> byPath) {
        this.byPath = byPath;
    }

    static EnumValues readResource(String resource) {
        try (InputStream in = EnumValues.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("enum values '" + resource + "' are not on the classpath");
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read enum values '" + resource + "'", e);
        }
    }

    static EnumValues parse(List<String> lines) {
        Map<String, AllowedValues> byPath = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.trim().split("\\s+");
            if (cells.length != 3 || !cells[0].contains(":") || !(cells[1].equals("exact") || cells[1].equals("anycase"))) {
                throw new IllegalStateException("enum row '" + line + "' is not 'Action:Path exact|anycase VALUE,VALUE...'");
            }
            boolean ignoreCase = cells[1].equals("anycase");
            List<String> values = Arrays.stream(cells[2].split(",")).filter(v -> !v.isEmpty()).toList();
            if (ignoreCase && values.stream().anyMatch(v -> !v.equals(v.toUpperCase(Locale.ROOT)))) {
                throw new IllegalStateException("enum row '" + cells[0] + "': anycase values are written in upper case");
            }
            if (byPath.put(cells[0], new AllowedValues(values, ignoreCase)) != null) {
                throw new IllegalStateException("enum row '" + cells[0] + "' is listed twice");
            }
        }
        return new EnumValues(Map.copyOf(byPath));
    }

    /** The allowed values of the string at {@code path} (e.g. {@code ListQuery.ScopeList[]}), or {@code null}. */
    AllowedValues of(String action, String path) {
        String key = action + ":" + path;
        AllowedValues found = byPath.get(key);
        if (found != null) used.add(key);
        return found;
    }

    /** Fails when a row named no string parameter: a typo there would leave the parameter unchecked. */
    void requireAllUsed() {
        Set<String> unused = new TreeSet<>(byPath.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) throw new IllegalStateException("enum values name no string parameter of the catalog: " + unused);
    }
}
