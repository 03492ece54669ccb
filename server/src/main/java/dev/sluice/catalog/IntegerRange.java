package dev.sluice.catalog;

/** The bounds of an integer parameter (e.g. a page size), inclusive, from {@code catalog/value-rules.txt}. */
public record IntegerRange(long min, long max) {

    public IntegerRange {
        if (min > max) throw new IllegalArgumentException("a range needs min <= max, got " + min + ".." + max);
    }

    /** @throws dev.sluice.protocol.PopException {@code InvalidParameter} naming {@code path} and the bounds */
    void check(long value, String path) {
        if (value < min || value > max) {
            throw RequestBinder.invalid(path, max == Long.MAX_VALUE
                    ? "must be " + min + " or more, got " + value
                    : "must be between " + min + " and " + max + ", got " + value);
        }
    }
}
