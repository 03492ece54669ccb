package dev.sluice.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The table of text rules ({@code catalog/text-rules.txt}): rows keyed by one parameter ({@code Action:Path}, array
 * elements written {@code []}) or by a field-name pattern ({@code *Name}), the first matching pattern winning.
 */
final class TextRules {

    static final String RESOURCE = "catalog/text-rules.txt";

    private record PatternRow(Pattern name, TextRule rule) {
    }

    private final Map<String, TextRule> byPath;
    private final List<PatternRow> byName;
    private final Set<String> used = new HashSet<>();

    private TextRules(Map<String, TextRule> byPath, List<PatternRow> byName) {
        this.byPath = byPath;
        this.byName = byName;
    }

    static TextRules readResource(String resource) {
        return parse(RuleTable.lines(resource, "text rules"));
    }

    static TextRules parse(List<String> lines) {
        Map<String, TextRule> byPath = new HashMap<>();
        List<PatternRow> byName = new ArrayList<>();
        for (String line : lines) {
            String[] cells = RuleTable.cells(line);
            if (cells == null) continue;
            if (cells.length != 3 || !cells[1].matches("\\d{1,9}") || !(cells[2].equals("line") || cells[2].equals("text"))) {
                throw new IllegalStateException("text rule '" + line + "' is not 'key maxLength line|text'");
            }
            TextRule rule = new TextRule(Integer.parseInt(cells[1]), cells[2].equals("text"));
            if (cells[0].contains(":")) {
                if (byPath.put(cells[0], rule) != null) throw new IllegalStateException("text rule '" + cells[0] + "' is listed twice");
            } else {
                byName.add(new PatternRow(Pattern.compile(Pattern.quote(cells[0]).replace("*", "\\E.*\\Q")), rule));
            }
        }
        if (byName.stream().noneMatch(row -> row.name().matcher("").matches())) {
            throw new IllegalStateException("the text rules need a last row '*' for every other string");
        }
        return new TextRules(Map.copyOf(byPath), List.copyOf(byName));
    }

    /**
     * @param path the parameter's path with {@code []} for array elements, e.g. {@code CreateCommand.Name}
     * @param name the field's name; for an array element, the array's
     */
    TextRule of(String action, String path, String name) {
        TextRule exact = byPath.get(action + ":" + path);
        if (exact != null) {
            used.add(action + ":" + path);
            return exact;
        }
        for (PatternRow row : byName) {
            if (row.name().matcher(name).matches()) return row.rule();
        }
        throw new IllegalStateException("unreachable: the last text rule matches every name");
    }

    /** Fails when a row for a single parameter named none: a typo there would leave the column unguarded. */
    void requireAllUsed() {
        Set<String> unused = new TreeSet<>(byPath.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) throw new IllegalStateException("text rules name no string parameter of the catalog: " + unused);
    }
}
