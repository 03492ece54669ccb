package dev.sluice.catalog;

import java.util.List;
import java.util.Objects;

/**
 * The declared shape of a response body or of one of its fields: names, types and nesting only.
 *
 * @param name   the field name; empty for the body itself and for an array's element shape
 * @param fields the fields of an object, in declaration order; empty otherwise
 * @param items  the element shape of an array; {@code null} otherwise
 */
public record ResponseShape(String name, ParamType type, List<ResponseShape> fields, ResponseShape items) {

    public ResponseShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        fields = List.copyOf(fields);
    }
}
