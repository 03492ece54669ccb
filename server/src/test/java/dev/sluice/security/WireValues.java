package dev.sluice.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.sluice.catalog.Operation;
import dev.sluice.catalog.Param;
import dev.sluice.catalog.ParamType;
import dev.sluice.dispatch.RpcJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated wire parameters for an operation, as a hostile or careless client sends them: mostly the declared names
 * with values of about the declared shape, so generation reaches nested fields, but at every level possibly the wrong
 * type, null, an empty or huge text, unicode and control characters, numbers out of every range, malformed or deeply
 * nested JSON, arrays for objects and objects for arrays; plus names that are not declared at all.
 */
final class WireValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int maxText;
    private final int wellFormed;

    /**
     * @param maxText    the longest generated text (the in-process fuzz goes to tens of KB, the wire fuzz less)
     * @param wellFormed how many values of the declared shape come for each hostile one, at every level: the higher,
     *                   the more calls get past the binder into the handlers
     */
    WireValues(int maxText, int wellFormed) {
        this.maxText = maxText;
        this.wellFormed = wellFormed;
    }

    /** A parameter map for the operation: declared names (some left out, some in other case) and extras. */
    Arbitrary<Map<String, String>> parameters(Operation operation) {
        List<Arbitrary<Map.Entry<String, String>>> entries = new ArrayList<>();
        for (Param param : operation.request()) entries.add(entry(param));
        Arbitrary<List<Map.Entry<String, String>>> declared = entries.isEmpty()
                ? Arbitraries.just(List.of()) : Combinators.combine(entries).as(list -> list).withoutEdgeCases();
        Arbitrary<List<Map.Entry<String, String>>> extra = Combinators.combine(names(), text()).as(Map::entry).list().ofMaxSize(3);
        // Edge cases off: jqwik would combine the edge cases of every nested field, which explodes for deep commands.
        return Combinators.combine(declared, extra).as((d, e) -> {
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : d) if (entry.getKey() != null) params.put(entry.getKey(), entry.getValue());
            for (Map.Entry<String, String> entry : e) params.putIfAbsent(entry.getKey(), entry.getValue());
            return params;
        }).withoutEdgeCases();
    }

    /** One declared parameter on the wire; a null key leaves it out. */
    private Arbitrary<Map.Entry<String, String>> entry(Param param) {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(6 * wellFormed, Arbitraries.just(param.name())),
                Tuple.of(1, Arbitraries.just(param.name().toLowerCase(Locale.ROOT))),
                Tuple.of(2, Arbitraries.just((String) null)));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3 * wellFormed, value(param, 0).map(WireValues::wire)),
                Tuple.of(1, value(param, 0).map(WireValues::wire).map(WireValues::truncated)),
                Tuple.of(2, text()),
                Tuple.of(1, jsonText()));
        return Combinators.combine(name, value).as((n, v) -> (Map.Entry<String, String>) new java.util.AbstractMap.SimpleEntry<>(n, v))
                .withoutEdgeCases();
    }

    /** A value of about the declared shape, any part of which may be replaced by something else. */
    Arbitrary<JsonNode> value(Param param, int depth) {
        Arbitrary<JsonNode> shaped = switch (param.type()) {
            case STRING -> text().map(t -> (JsonNode) NODES.stringNode(t));
            case INTEGER -> Arbitraries.oneOf(Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)), numberText().map(NODES::stringNode));
            case NUMBER -> Arbitraries.oneOf(Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)), numberText().map(NODES::stringNode));
            case BOOLEAN -> Arbitraries.of("true", "false", "TRUE", " true ", "yes", "1", "0").map(t -> (JsonNode) NODES.stringNode(t))
                    .injectDuplicates(0.1).edgeCases(c -> c.add(NODES.booleanNode(true)));
            case OBJECT -> param.fields().isEmpty() ? json(depth) : object(param, depth);
            case ARRAY -> Arbitraries.lazy(() -> value(param.items(), depth + 1)).list().ofMaxSize(depth > 2 ? 1 : 3)
                    .map(list -> (JsonNode) NODES.arrayNode().addAll(list));
            case MAP, ANY -> json(depth);
        };
        return Arbitraries.frequencyOf(Tuple.of(depth > 4 ? 1 : wellFormed, shaped), Tuple.of(1, anything(depth))).withoutEdgeCases();
    }

    private Arbitrary<JsonNode> object(Param param, int depth) {
        List<Arbitrary<Map.Entry<String, JsonNode>>> fields = new ArrayList<>();
        for (Param field : param.fields()) {
            Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(5 * wellFormed, Arbitraries.just(field.name())),
                    Tuple.of(1, Arbitraries.just(field.name().toUpperCase(Locale.ROOT))), Tuple.of(2, Arbitraries.just((String) null)));
            Arbitrary<JsonNode> value = Arbitraries.lazy(() -> value(field, depth + 1));
            fields.add(Combinators.combine(key, value).as((k, v) -> (Map.Entry<String, JsonNode>) new java.util.AbstractMap.SimpleEntry<>(k, v))
                    .withoutEdgeCases());
        }
        return Combinators.combine(fields).as(list -> {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : list) if (field.getKey() != null) object.set(field.getKey(), field.getValue());
            return (JsonNode) object;
        }).withoutEdgeCases();
    }

    /** Anything at all in place of a value: null, scalars of every kind, structures, deep nesting. */
    private Arbitrary<JsonNode> anything(int depth) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(NODES.nullNode())),
                Tuple.of(3, text().map(t -> (JsonNode) NODES.stringNode(t))),
                Tuple.of(2, numberText().map(t -> (JsonNode) NODES.stringNode(t))),
                Tuple.of(2, Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l))),
                Tuple.of(1, Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(18).negate().pow(3), java.math.BigInteger.TEN.pow(60))
                        .map(b -> (JsonNode) NODES.numberNode(b))),
                Tuple.of(1, Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d))),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))),
                Tuple.of(depth > 3 ? 0 : 2, json(depth + 1)),
                Tuple.of(1, Arbitraries.integers().between(1, 60).map(WireValues::nested)));
    }

    /** Free JSON: objects and arrays of anything, a few levels deep. */
    private Arbitrary<JsonNode> json(int depth) {
        if (depth > 4) return text().map(t -> (JsonNode) NODES.stringNode(t));
        Arbitrary<JsonNode> element = Arbitraries.lazy(() -> anything(depth + 1));
        return Arbitraries.oneOf(
                element.list().ofMaxSize(4).map(list -> (JsonNode) NODES.arrayNode().addAll(list)),
                Arbitraries.maps(names(), element).ofMaxSize(4).map(map -> {
                    ObjectNode object = NODES.objectNode();
                    map.forEach(object::set);
                    return (JsonNode) object;
                }));
    }

    private static JsonNode nested(int levels) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < levels; i++) node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        return node;
    }

    /** Text as a client may send it: ordinary, unicode, control characters, surrogates, empty, blank or huge. */
    Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("_-. ").ofMaxLength(40)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(8)),
                Tuple.of(1, Arbitraries.of("", " ", "null", "undefined", "\uD800", "\uDFFF\uD800", "\u202E", "'; drop table project; --",
                        "${jndi:ldap://x}", "%00", "../../etc/passwd", "\\u0000", "NaN", "Infinity", "-0", "1e400")),
                Tuple.of(1, Arbitraries.integers().between(1_000, maxText).flatMap(n -> Arbitraries.of("a", "\u00e9", "\u4e2d", "\uD83D\uDE00")
                        .map(c -> c.repeat(n / c.length())))));
    }

    /** Numbers written as text, including the ones no type holds. */
    Arbitrary<String> numberText() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("9223372036854775808", "-9223372036854775809", "1" + "0".repeat(400), "1e999999", "-1e-999999",
                        "0x10", "1_000", "+5", "--5", "5.", ".5", "1.5", "1e3", "\u0663", "\uFF11\uFF12", " 12 ", "2147483648", "-2147483649", "007")),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf)));
    }

    /** JSON text that may be malformed or far too deep. */
    Arbitrary<String> jsonText() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, json(0).map(WireValues::wire)),
                Tuple.of(2, json(0).map(WireValues::wire).map(WireValues::truncated)),
                Tuple.of(1, Arbitraries.integers().between(100, 5_000).map(n -> "[".repeat(n) + "]".repeat(n))),
                Tuple.of(1, Arbitraries.integers().between(100, 5_000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n))),
                Tuple.of(1, Arbitraries.integers().between(100, 5_000).map(n -> "[".repeat(n))),
                Tuple.of(1, Arbitraries.of("{", "}", "[", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "[1,]", "{\"a\":1} trailing", "{} {}",
                        "\"unclosed", "{\"a\":NaN}", "{\"a\":0x1}", "/* c */ {}", "{\"a\":1e999999}", "\uFEFF{}", "[\u0000]")));
    }

    private Arbitrary<String> names() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(10)),
                Tuple.of(1, Arbitraries.of("Action", "Version", "Signature", "OpTenantId", "opTenantId", "__proto__", "constructor", "")));
    }

    static String wire(JsonNode value) {
        return value.isValueNode() && !value.isNull() ? value.asString() : RpcJson.MAPPER.writeValueAsString(value);
    }

    private static String truncated(String text) {
        return text.isEmpty() ? text : text.substring(0, text.length() / 2);
    }
}
