package dev.sluice.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A request parameter, a field nested in one, or the element shape of an array.
 *
 * <p>Nested fields carry the location of the top-level parameter that holds them and are never JSON-encoded on their
 * own (the whole top-level value is). An array's element shape has an empty name and is required: elements may not be
 * {@code null}.
 *
 * @param fields the declared fields of an {@link ParamType#OBJECT}, in declaration order; empty otherwise
 * @param items  the element shape of an {@link ParamType#ARRAY}; {@code null} otherwise
 * @param text    what a {@link ParamType#STRING} may hold; {@code null} (also for other types) means {@link TextRule#DEFAULT}
 * @param allowed the values an enum-like {@link ParamType#STRING} may take; {@code null} when any value is allowed
 * @param range   the bounds of an {@link ParamType#INTEGER}; {@code null} when any 64-bit value is allowed
 */
public record Param(
        String name,
        ParamLocation location,
        ParamType type,
        boolean required,
        boolean jsonEncoded,
        List<Param> fields,
        Param items,
        TextRule text,
        AllowedValues allowed,
        IntegerRange range) {

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(type, "type");
        fields = List.copyOf(fields);
        if ((type == ParamType.ARRAY) != (items != null)) {
            throw new IllegalArgumentException("parameter '" + name + "': an array needs an element shape, nothing else has one");
        }
        if (allowed != null && type != ParamType.STRING) {
            throw new IllegalArgumentException("parameter '" + name + "': only a string has enum values");
        }
        if (range != null && type != ParamType.INTEGER) {
            throw new IllegalArgumentException("parameter '" + name + "': only an integer has a range");
        }
    }

    /** A parameter under a text rule, taking any value. */
    public Param(String name, ParamLocation location, ParamType type, boolean required, boolean jsonEncoded, List<Param> fields,
                 Param items, TextRule text) {
        this(name, location, type, required, jsonEncoded, fields, items, text, null, null);
    }

    /** A parameter under the default text rule. */
    public Param(String name, ParamLocation location, ParamType type, boolean required, boolean jsonEncoded, List<Param> fields,
                 Param items) {
        this(name, location, type, required, jsonEncoded, fields, items, null, null, null);
    }

    /** The rule a string value of this parameter is checked against. */
    public TextRule textRule() {
        return text == null ? TextRule.DEFAULT : text;
    }

    public boolean hasRequiredFields() {
        return fields.stream().anyMatch(Param::required)
                || (items != null && items.hasRequiredFields());
    }
}
