package dev.sluice.catalog;

import static dev.sluice.catalog.Edition.AGILE;
import static dev.sluice.catalog.Edition.BASIC;
import static dev.sluice.catalog.Edition.INTELLIGENT;
import static dev.sluice.catalog.Edition.PERSONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditionTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "PERSONAL,    AGILE,       true",
            "PERSONAL,    BASIC,       false",
            "PERSONAL,    INTELLIGENT, false",
            "AGILE,       AGILE,       true",
            "AGILE,       BASIC,       false",
            "AGILE,       INTELLIGENT, false",
            "BASIC,       AGILE,       true",
            "BASIC,       BASIC,       true",
            "BASIC,       INTELLIGENT, false",
            "INTELLIGENT, AGILE,       true",
            "INTELLIGENT, BASIC,       true",
            "INTELLIGENT, INTELLIGENT, true",
            "PERSONAL,    PERSONAL,    true",
            "AGILE,       PERSONAL,    true",
            "BASIC,       PERSONAL,    true",
            "INTELLIGENT, PERSONAL,    true",
    })
    void coversTruthTable(Edition tenant, Edition minimum, boolean expected) {
        assertThat(tenant.covers(minimum)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "Agile, AGILE", "agile, AGILE", "AGILE, AGILE",
            "Basic, BASIC", "basic, BASIC",
            "Intelligent, INTELLIGENT", "intelligent, INTELLIGENT",
            "Personal, PERSONAL", "personal, PERSONAL",
    })
    void parsesCatalogAndLowerCaseSpellings(String text, Edition expected) {
        assertThat(Edition.parse(text)).isEqualTo(expected);
    }

    @Test
    void rejectsUnknownEdition() {
        assertThatThrownBy(() -> Edition.parse("Enterprise"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Enterprise");
    }
}
