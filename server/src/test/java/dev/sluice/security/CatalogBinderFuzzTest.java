package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.catalog.RequestBinder;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.PopException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated parameters for every operation of the catalog, through the two steps that turn wire parameters into a
 * handler's typed request: the catalog binder (declared names, types, nested JSON) and, for implemented operations,
 * the record binding the dispatcher does next. Each input either binds or is refused with a 400 that names a
 * parameter of the operation; no other exception may escape (the endpoint would answer it with a 500).
 */
class CatalogBinderFuzzTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final RequestBinder BINDER = new RequestBinder();
    private static final Map<String, Class<?>> REQUEST_TYPES = requestTypes();
    private static final WireValues VALUES = new WireValues(70_000, 4);

    record Input(Operation operation, Map<String, String> parameters) {

        @Override
        public String toString() { // what a failure report shows: values cut short, they can be huge
            StringBuilder text = new StringBuilder(operation.action()).append(" {");
            parameters.forEach((name, value) -> text.append(name).append('=')
                    .append(value.length() > 200 ? value.substring(0, 200) + "...(" + value.length() + " chars)" : value).append(", "));
            return text.append('}').toString();
        }
    }

    @Provide
    Arbitrary<Input> anyOperation() {
        return Arbitraries.of(CATALOG.all()).flatMap(op -> VALUES.parameters(op).map(params -> new Input(op, params))).withoutEdgeCases();
    }

    @Provide
    Arbitrary<Input> implementedOperation() {
        List<Operation> implemented = CATALOG.all().stream().filter(op -> REQUEST_TYPES.containsKey(op.action())).toList();
        return Arbitraries.of(implemented).flatMap(op -> VALUES.parameters(op).map(params -> new Input(op, params))).withoutEdgeCases();
    }

    @Property(tries = 30_000, edgeCases = EdgeCasesMode.NONE)
    void everyOperationBindsOrRefusesWithANamedParameter(@ForAll("anyOperation") Input input) {
        bindAndConvert(input);
    }

    @Property(tries = 30_000, edgeCases = EdgeCasesMode.NONE)
    void implementedOperationsBindIntoTheirRequestRecordsOrRefuse(@ForAll("implementedOperation") Input input) {
        bindAndConvert(input);
    }

    @Property(tries = 2_000, edgeCases = EdgeCasesMode.NONE)
    void deeplyNestedOrOversizedJsonIsRefusedAsInvalid(@ForAll("implementedOperation") Input input,
                                                      @ForAll("hostileJson") String json) {
        // Every structured parameter of the operation gets the same hostile text.
        Map<String, String> params = new HashMap<>(input.parameters());
        input.operation().request().stream().filter(p -> p.type().isStructured() || p.jsonEncoded())
                .forEach(p -> params.put(p.name(), json));
        bindAndConvert(new Input(input.operation(), params));
    }

    @Provide
    Arbitrary<String> hostileJson() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(500, 200_000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(500, 100_000).map(n -> "{\"a\":".repeat(n) + "null" + "}".repeat(n)),
                Arbitraries.integers().between(1_000, 200_000).map(n -> "[" + "1,".repeat(n) + "1]"),
                Arbitraries.integers().between(1_000, 100_000).map(n -> "{\"k\":\"" + "x".repeat(n) + "\"}"),
                Arbitraries.integers().between(100, 5_000).map(n -> "1" + "0".repeat(n)),
                VALUES.jsonText());
    }

    /** The binder, then the dispatcher's record binding with its own translation of a mapping failure. */
    private static void bindAndConvert(Input input) {
        ObjectNode bound;
        try {
            bound = BINDER.bind(input.operation(), input.parameters());
        } catch (PopException refused) {
            assertNamedRefusal(input.operation(), refused.error());
            Statistics.collect("refused by the binder: " + refused.error().code());
            return;
        }
        Class<?> requestType = REQUEST_TYPES.get(input.operation().action());
        if (requestType == null) {
            Statistics.collect("bound (no handler)");
            return;
        }
        try {
            RpcJson.MAPPER.treeToValue(bound, requestType);
            Statistics.collect("bound into the request record");
        } catch (JacksonException stricterRecord) {
            // What Dispatcher.dispatch answers in this case; it must itself be a proper 400.
            PopError error = PopErrors.invalidParameter(stricterRecord.getPathReference(), stricterRecord.getOriginalMessage());
            assertThat(error.httpStatus()).isEqualTo(400);
            Statistics.collect("refused by the request record");
        }
    }

    private static void assertNamedRefusal(Operation operation, PopError error) {
        assertThat(error.httpStatus()).as(error.toString()).isEqualTo(400);
        assertThat(error.code()).as(error.toString()).matches("(MissingParameter|InvalidParameter)(\\..+)?");
        assertThat(operation.request()).as("the refusal names a parameter of %s: %s", operation.action(), error.message())
                .anyMatch(param -> error.message().contains("'" + param.name()));
    }

    /** The request record of every handler, found as the dispatcher finds it, without starting the server. */
    private static Map<String, Class<?>> requestTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Action.class));
        Map<String, Class<?>> types = new HashMap<>();
        for (var candidate : scanner.findCandidateComponents("dev.sluice")) {
            try {
                Class<?> handler = Class.forName(candidate.getBeanClassName());
                Class<?> request = ResolvableType.forClass(handler).as(OperationHandler.class).getGeneric(0).resolve();
                types.put(handler.getAnnotation(Action.class).value(), request);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(types).as("handlers found on the class path").isNotEmpty();
        return Map.copyOf(types);
    }
}
