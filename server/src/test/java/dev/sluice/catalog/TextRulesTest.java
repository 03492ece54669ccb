package dev.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sluice.protocol.PopException;

/** The text-rule table: how a row is chosen, and what a rule refuses. */
class TextRulesTest {

    private static final TextRules RULES = TextRules.parse(List.of(
            "# comment",
            "CreateThing:Command.Name   16  line",
            "*Description               64  text",
            "*Name                      32  line",
            "*                          100 text"));

    @Test
    void anExactPathWinsOverPatternsAndTheFirstMatchingPatternWins() {
        assertThat(RULES.of("CreateThing", "Command.Name", "Name")).isEqualTo(new TextRule(16, false));
        assertThat(RULES.of("UpdateThing", "Command.Name", "Name")).isEqualTo(new TextRule(32, false));
        assertThat(RULES.of("UpdateThing", "Command.RowDescription", "RowDescription")).isEqualTo(new TextRule(64, true));
        assertThat(RULES.of("UpdateThing", "Keyword", "Keyword")).isEqualTo(new TextRule(100, true));
    }

    @Test
    void aTableWithoutACatchAllOrWithAnUnusedPathIsRefused() {
        assertThatThrownBy(() -> TextRules.parse(List.of("*Name 32 line"))).hasMessageContaining("'*'");
        assertThatThrownBy(() -> TextRules.parse(List.of("*Name 32 words"))).hasMessageContaining("line|text");
        TextRules typo = TextRules.parse(List.of("CreateThing:Comand.Name 16 line", "* 100 text"));
        assertThatThrownBy(typo::requireAllUsed).hasMessageContaining("CreateThing:Comand.Name");
    }

    @Test
    void aLineRefusesEveryControlCharacterAndTextAllowsTabsAndLineBreaks() {
        TextRule line = new TextRule(10, false);
        TextRule text = new TextRule(10, true);
        text.check("a\tb\r\nc", "P");
        line.check("plain", "P");
        assertThatThrownBy(() -> line.check("a\nb", "Command.Name")).isInstanceOf(PopException.class)
                .hasMessageContaining("'Command.Name'").hasMessageContaining("U+000A");
        assertThatThrownBy(() -> text.check("a\u0000b", "P")).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> text.check("a\u009bb", "P")).hasMessageContaining("U+009B");
        assertThatThrownBy(() -> text.check("x".repeat(11), "P")).hasMessageContaining("at most 10 characters, got 11");
    }

    @Test
    void theShippedTableLoadsWithTheCatalogAndBoundsEveryString() {
        Catalog catalog = Catalog.load(); // fails on an unused exact row
        Operation create = catalog.find("CreateUserGroup").orElseThrow();
        Param command = create.param("CreateCommand").orElseThrow();
        Param name = command.fields().stream().filter(f -> f.name().equals("Name")).findFirst().orElseThrow();
        Param description = command.fields().stream().filter(f -> f.name().equals("Description")).findFirst().orElseThrow();
        assertThat(name.textRule()).isEqualTo(new TextRule(128, false));
        assertThat(description.textRule()).isEqualTo(new TextRule(512, true));
    }
}
