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
 */
public record Param(
        String name,
        ParamLocation location,
        ParamType type,
        boolean required,
        boolean jsonEncoded,
        List<Param> fields,
        Param items) {

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(type, "type");
        fields = List.copyOf(fields);
        if ((type == ParamType.ARRAY) != (items != null)) {
            throw new IllegalArgumentException("parameter '" + name + "': an array needs an element shape, nothing else has one");
        }
    }

    public boolean hasRequiredFields() {
        return fields.stream().anyMatch(Param::required)
                || (items != null && items.hasRequiredFields());
    }
}
