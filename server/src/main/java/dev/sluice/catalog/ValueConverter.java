package dev.sluice.catalog;

import dev.sluice.protocol.PopErrors;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks one value against its declared shape, recursing into objects and arrays, and returns it in its declared JSON
 * type. Absent means not there, JSON {@code null} or an empty string: the backend's JSON library reads all three as
 * "not given". Undeclared object fields are dropped; declared ones are matched by exact name first and then, as the
 * backend does, ignoring case.
 */
final class ValueConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** @return the converted value, or {@code null} when an optional value is absent */
    JsonNode convertField(Param param, JsonNode node, String path) {
        if (isAbsent(node)) {
            if (param.required()) throw PopErrors.missingParameter(path).exception();
            return null;
        }
        return convertValue(param, node, path);
    }

    private JsonNode convertValue(Param param, JsonNode node, String path) {
        return switch (param.type()) {
            case STRING -> checkedText(param, ScalarValues.string(node, path), path);
            case INTEGER -> checkedInteger(param, ScalarValues.integer(node, path), path);
            case NUMBER -> ScalarValues.number(node, path);
            case BOOLEAN -> ScalarValues.bool(node, path);
            case OBJECT -> param.fields().isEmpty() ? anyObject(node, path) : object(param, node, path);
            case MAP -> anyObject(node, path);
            case ARRAY -> array(param.items(), node, path);
            case ANY -> node.deepCopy();
        };
    }

    /** Every string is bounded and free of stray control characters before any handler stores it. */
    private static JsonNode checkedText(Param param, JsonNode text, String path) {
        param.textRule().check(text.stringValue(), path);
        if (param.allowed() != null) param.allowed().check(text.stringValue(), path);
        return text;
    }

    private static JsonNode checkedInteger(Param param, JsonNode integer, String path) {
        if (param.range() != null) param.range().check(integer.longValue(), path);
        return integer;
    }

    private ObjectNode object(Param param, JsonNode node, String path) {
        if (!node.isObject()) throw RequestBinder.invalid(path, "expected a JSON object but got " + ScalarValues.describe(node));
        ObjectNode converted = NODES.objectNode();
        for (Param field : param.fields()) {
            JsonNode value = convertField(field, fieldOf(node, field.name()), path + "." + field.name());
            if (value != null) converted.set(field.name(), value);
        }
        return converted;
    }

    private ArrayNode array(Param items, JsonNode node, String path) {
        if (!node.isArray()) throw RequestBinder.invalid(path, "expected a JSON array but got " + ScalarValues.describe(node));
        ArrayNode converted = NODES.arrayNode(node.size());
        for (int i = 0; i < node.size(); i++) {
            String elementPath = path + "[" + i + "]";
            JsonNode element = node.get(i);
            if (element.isNull() && items.type() != ParamType.ANY) {
                throw RequestBinder.invalid(elementPath, "an element must not be null");
            }
            converted.add(convertValue(items, element, elementPath));
        }
        return converted;
    }

    private static ObjectNode anyObject(JsonNode node, String path) {
        if (!node.isObject()) throw RequestBinder.invalid(path, "expected a JSON object but got " + ScalarValues.describe(node));
        return (ObjectNode) node.deepCopy();
    }

    private static JsonNode fieldOf(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) return exact;
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            if (property.getKey().equalsIgnoreCase(name)) return property.getValue();
        }
        return null;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isString() && node.stringValue().isEmpty());
    }
}
