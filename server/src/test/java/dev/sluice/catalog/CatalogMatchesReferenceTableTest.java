package dev.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares the committed catalog with the shared reference table, when that table is at hand (it is not part of the
 * build). Set {@code -Dsluice.openapi.tsv=<path>} to point elsewhere.
 */
class CatalogMatchesReferenceTableTest {

    private static List<String[]> rows;

    @BeforeAll
    static void readTable() throws IOException {
        Path table = referenceTable();
        assumeTrue(Files.isReadable(table), "reference table not found at " + table);
        rows = Files.readAllLines(table).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t", -1))
                .toList();
    }

    private static Path referenceTable() {
        String configured = System.getProperty("sluice.openapi.tsv");
        if (configured != null) return Path.of(configured);
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return moduleDir.resolve("../../shared/openapi/operations.tsv").normalize();
    }

    @Test
    void listsTheSameActionsInTheSameOrder() {
        assertThat(Catalog.load().contract()).extracting(Operation::action)
                .containsExactlyElementsOf(rows.stream().map(row -> row[0]).toList());
    }

    @Test
    void everyOperationMatchesItsRow() {
        Catalog catalog = Catalog.load();
        for (String[] row : rows) {
            Operation op = catalog.find(row[0]).orElseThrow();
            assertThat(op.module()).as(row[0] + " module").isEqualTo(row[1]);
            assertThat(op.group()).as(row[0] + " group").isEqualTo(row[2]);
            assertThat(op.level()).as(row[0] + " level").isEqualTo(Integer.parseInt(row[3]));
            assertThat(op.minEdition()).as(row[0] + " minEdition").isEqualTo(Edition.parse(row[4]));
            assertThat(op.type().name().toLowerCase(Locale.ROOT)).as(row[0] + " type").isEqualTo(row[5]);
            assertThat(topLevelParams(op)).as(row[0] + " params")
                    .containsExactlyInAnyOrder(row[6].isEmpty() ? new String[0] : row[6].split(","));
        }
    }

    private static List<String> topLevelParams(Operation op) {
        return op.request().stream().map(p -> p.name() + (p.required() ? "*" : "")).toList();
    }
}
