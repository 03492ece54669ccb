package dev.sluice.catalog;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Conversions of single values. Like the backend's JSON library, numbers and booleans written as strings are taken
 * for their value, and strings accept numbers and booleans; an integer never accepts a fraction.
 */
final class ScalarValues {

    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScalarValues() {
    }

    static JsonNode string(JsonNode node, String path) {
        if (node.isString()) return node;
        if (node.isNumber() || node.isBoolean()) return NODES.stringNode(node.asString());
        throw RequestBinder.invalid(path, "expected a string but got " + describe(node));
    }

    static JsonNode integer(JsonNode node, String path) {
        if (node.isIntegralNumber() && node.canConvertToLong()) return NODES.numberNode(node.longValue());
        if (node.isString()) {
            String text = node.stringValue().trim();
            if (INTEGER_TEXT.matcher(text).matches()) {
                try {
                    return NODES.numberNode(Long.parseLong(text));
                } catch (NumberFormatException tooLarge) {
                    throw RequestBinder.invalid(path, "the integer " + describe(node) + " is out of range");
                }
            }
        }
        if (node.isIntegralNumber()) {
            throw RequestBinder.invalid(path, "the integer " + describe(node) + " is out of range");
        }
        throw RequestBinder.invalid(path, "expected an integer but got " + describe(node));
    }

    static JsonNode number(JsonNode node, String path) {
        if (node.isNumber()) return node;
        if (node.isString()) {
            String text = node.stringValue().trim();
            if (NUMBER_TEXT.matcher(text).matches()) {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value)) return NODES.numberNode(value);
            }
        }
        throw RequestBinder.invalid(path, "expected a number but got " + describe(node));
    }

    static JsonNode bool(JsonNode node, String path) {
        if (node.isBoolean()) return node;
        if (node.isString()) {
            String text = node.stringValue().trim();
            if (text.equalsIgnoreCase("true")) return NODES.booleanNode(true);
            if (text.equalsIgnoreCase("false")) return NODES.booleanNode(false);
        }
        throw RequestBinder.invalid(path, "expected true or false but got " + describe(node));
    }

    /** How a received value is shown in an error message: strings quoted, structures by kind. */
    static String describe(JsonNode node) {
        if (node.isString()) {
            String text = node.stringValue();
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        if (node.isObject()) return "an object";
        if (node.isArray()) return "an array";
        return node.toString();
    }
}
