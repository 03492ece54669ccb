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
 * @param text   what a {@link ParamType#STRING} may hold; {@code null} (also for other types) means {@link TextRule#DEFAULT}
 */
public record Param(
        String name,
        ParamLocation location,
        ParamType type,
        boolean required,
        boolean jsonEncoded,
        List<Param> fields,
        Param items,
        TextRule text) {

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(type, "type");
        fields = List.copyOf(fields);
        if ((type == ParamType.ARRAY) != (items != null)) {
            throw new IllegalArgumentException("parameter '" + name + "': an array needs an element shape, nothing else has one");
        }
    }

    /** A parameter under the default text rule. */
    public Param(String name, ParamLocation location, ParamType type, boolean required, boolean jsonEncoded, List<Param> fields,
                 Param items) {
        this(name, location, type, required, jsonEncoded, fields, items, null);
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
