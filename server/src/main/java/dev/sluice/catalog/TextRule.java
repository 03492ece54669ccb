package dev.sluice.catalog;

/**
 * What a string parameter may hold before anything stores it: at most {@code maxLength} characters, and no control
 * characters, except tab, line feed and carriage return where {@code lineBreaks} allows text of several lines
 * (descriptions, code). Names, e-mail addresses, phone numbers and ids are one line. The rules come from the
 * hand-kept table {@code catalog/text-rules.txt}, kept within the database columns that store the values.
 */
public record TextRule(int maxLength, boolean lineBreaks) {

    /** For a string the table does not name: generous, but bounded. */
    public static final TextRule DEFAULT = new TextRule(4096, true);

    public TextRule {
        if (maxLength < 1) throw new IllegalArgumentException("a text limit must be positive, got " + maxLength);
    }

    /** @throws dev.sluice.protocol.PopException {@code InvalidParameter} naming {@code path} when the value does not fit */
    void check(String value, String path) {
        if (value.length() > maxLength) {
            throw RequestBinder.invalid(path, "at most " + maxLength + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                throw RequestBinder.invalid(path, "control character U+" + String.format("%04X", (int) c) + " at position " + i
                        + (lineBreaks ? " (only tab and line breaks are allowed)" : " (a single line without control characters is expected)"));
            }
        }
    }
}
