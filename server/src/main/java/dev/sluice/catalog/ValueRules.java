package dev.sluice.catalog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of value rules ({@code catalog/value-rules.txt}): one row per parameter ({@code Action:Path}, array
 * elements written {@code []}), naming the values an enum-like string may take or the bounds of an integer.
 */
final class ValueRules {

    static final String RESOURCE = "catalog/value-rules.txt";
    private static final Pattern RANGE = Pattern.compile("(-?\\d{1,18})\\.\\.(-?\\d{1,18})?");

    private final Map<String, AllowedValues> allowed;
    private final Map<String, IntegerRange> ranges;
    private final Set<String> used = new HashSet<>();

    private ValueRules(Map<String, AllowedValues> allowed, Map<String, IntegerRange> ranges) {
        this.allowed = allowed;
        this.ranges = ranges;
    }

    static ValueRules readResource(String resource) {
        return parse(RuleTable.lines(resource, "value rules"));
    }

    static ValueRules parse(List<String> lines) {
        Map<String, AllowedValues> allowed = new HashMap<>();
        Map<String, IntegerRange> ranges = new HashMap<>();
        for (String line : lines) {
            String[] cells = RuleTable.cells(line);
            if (cells == null) continue;
            if (cells.length != 3 || !cells[0].contains(":") || !Set.of("exact", "anycase", "range").contains(cells[1])) {
                throw new IllegalStateException("value rule '" + line + "' is not 'Action:Path exact|anycase|range VALUES'");
            }
            String key = cells[0];
            if (allowed.containsKey(key) || ranges.containsKey(key)) throw new IllegalStateException("value rule '" + key + "' is listed twice");
            if (cells[1].equals("range")) {
                Matcher range = RANGE.matcher(cells[2]);
                if (!range.matches()) throw new IllegalStateException("value rule '" + key + "': a range is written MIN..MAX or MIN..");
                ranges.put(key, new IntegerRange(Long.parseLong(range.group(1)),
                        range.group(2) == null ? Long.MAX_VALUE : Long.parseLong(range.group(2))));
                continue;
            }
            boolean ignoreCase = cells[1].equals("anycase");
            List<String> values = Arrays.stream(cells[2].split(",")).filter(v -> !v.isEmpty()).toList();
            if (ignoreCase && values.stream().anyMatch(v -> !v.equals(v.toUpperCase(Locale.ROOT)))) {
                throw new IllegalStateException("value rule '" + key + "': anycase values are written in upper case");
            }
            allowed.put(key, new AllowedValues(values, ignoreCase));
        }
        return new ValueRules(Map.copyOf(allowed), Map.copyOf(ranges));
    }

    /** The allowed values of the string at {@code path} (e.g. {@code ListQuery.ScopeList[]}), or {@code null}. */
    AllowedValues allowed(String action, String path) {
        return use(allowed, action + ":" + path);
    }

    /** The bounds of the integer at {@code path}, or {@code null}. */
    IntegerRange range(String action, String path) {
        return use(ranges, action + ":" + path);
    }

    private <T> T use(Map<String, T> rules, String key) {
        T found = rules.get(key);
        if (found != null) used.add(key);
        return found;
    }

    /** Fails when a row named no parameter of its kind: a typo there would leave the parameter unchecked. */
    void requireAllUsed() {
        Set<String> unused = new TreeSet<>(allowed.keySet());
        unused.addAll(ranges.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) throw new IllegalStateException("value rules name no parameter of the catalog: " + unused);
    }
}
