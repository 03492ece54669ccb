package dev.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.PopException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Runs the binder against every operation of the catalog. */
class RequestBinderCatalogWideTest {

    private static final Catalog CATALOG = Catalog.load();
    private final RequestBinder binder = new RequestBinder();

    static Stream<Named<Operation>> operations() {
        return CATALOG.all().stream().map(op -> Named.of(op.action(), op));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void namesTheFirstRequiredParameterWhenNothingIsSent(Operation op) {
        String firstRequired = op.request().stream().filter(Param::required).findFirst().orElseThrow().name();

        assertThat(errorOf(() -> binder.bind(op, Map.of("Action", op.action()))))
                .isEqualTo(PopErrors.missingParameter(firstRequired));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void bindsAMinimalValidExample(Operation op) {
        ObjectNode expected = ValidExamples.minimal().typedValues(op);

        ObjectNode bound = binder.bind(op, ValidExamples.minimal().wireParams(op));

        assertThat(bound.toString()).isEqualTo(expected.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void bindsAFullExampleWithEveryField(Operation op) {
        ObjectNode expected = ValidExamples.full().typedValues(op);

        ObjectNode bound = binder.bind(op, ValidExamples.full().wireParams(op));

        assertThat(bound.toString()).isEqualTo(expected.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void namesTheDottedPathOfEveryMissingNestedRequiredField(Operation op) {
        for (Param param : op.request()) {
            for (String path : ValidExamples.nestedRequiredPaths(param)) {
                ObjectNode values = ValidExamples.full().typedValues(op);
                removePath(values, path);

                assertThat(errorOf(() -> binder.bind(op, ValidExamples.toWire(op, values))))
                        .as(op.action() + " without " + path)
                        .isEqualTo(PopErrors.missingParameter(path));
            }
        }
    }

    @Test
    void nestedRequiredFieldCheckCoversMuchOfTheCatalog() {
        long operationsWithNested = CATALOG.all().stream()
                .filter(op -> op.request().stream().anyMatch(Param::hasRequiredFields))
                .count();
        long nestedPaths = CATALOG.all().stream()
                .flatMap(op -> op.request().stream())
                .mapToLong(param -> ValidExamples.nestedRequiredPaths(param).size())
                .sum();

        assertThat(operationsWithNested).isGreaterThan(100);
        assertThat(nestedPaths).isGreaterThan(500);
    }

    @Test
    void protocolParametersAreNeverBound() {
        List<String> protocol = List.of("Action", "Version", "AccessKeyId", "Signature", "SignatureMethod",
                "SignatureVersion", "SignatureNonce", "Timestamp", "Format", "RegionId", "SecurityToken");
        for (Operation op : CATALOG.all()) {
            Map<String, String> wire = new LinkedHashMap<>(ValidExamples.minimal().wireParams(op));
            protocol.forEach(name -> wire.put(name, "protocol-value"));

            assertThatCode(() -> binder.bind(op, wire)).as(op.action()).doesNotThrowAnyException();
            assertThat(binder.bind(op, wire).propertyNames()).as(op.action()).doesNotContainAnyElementsOf(protocol);
        }
    }

    /** Removes {@code Param.Field[0].Other}-style paths from the typed example. */
    private static void removePath(ObjectNode values, String path) {
        List<String> steps = new ArrayList<>(List.of(path.replace("[", ".[").split("\\.")));
        String last = steps.removeLast();
        JsonNode node = values;
        for (String step : steps) {
            node = step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1))) : node.get(step);
        }
        ((ObjectNode) node).remove(last);
    }

    private static PopError errorOf(Executable call) {
        PopException thrown = catchThrowableOfType(PopException.class, call::execute);
        assertThat(thrown).as("expected a PopException").isNotNull();
        return thrown.error();
    }
}
