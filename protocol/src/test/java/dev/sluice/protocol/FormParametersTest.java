package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormParametersTest {

    @Test
    void keepsTheOrderOfTheParameters() {
        assertThat(FormParameters.parse("b=2&a=1&c=3"))
                .containsExactly(entry("b", "2"), entry("a", "1"), entry("c", "3"));
    }

    @Test
    void decodesPlusAsSpaceAndEscapesAsUtf8() {
        assertThat(FormParameters.parse("Name=a+b%2Bc&Chinese=%E4%B8%AD%E6%96%87&Star=%2a&Tilde=~&Lower=%c3%a9"))
                .containsExactly(entry("Name", "a b+c"), entry("Chinese", "中文"), entry("Star", "*"),
                        entry("Tilde", "~"), entry("Lower", "é"));
    }

    @Test
    void decodesEscapedNamesToo() {
        assertThat(FormParameters.parse("Tag.1.Key%20Name=v")).containsExactly(entry("Tag.1.Key Name", "v"));
    }

    @Test
    void treatsAMissingEqualsSignAsAnEmptyValueAndSkipsEmptyPairs() {
        assertThat(FormParameters.parse("a&&b=&c==x"))
                .containsExactly(entry("a", ""), entry("b", ""), entry("c", "=x"));
    }

    @Test
    void passesRawNonAsciiCharactersThrough() {
        assertThat(FormParameters.parse("name=中文+%F0%9F%98%80😀")).containsExactly(entry("name", "中文 😀😀"));
    }

    @Test
    void readsNothingFromNullOrEmptyInput() {
        assertThat(FormParameters.parse(null)).isEmpty();
        assertThat(FormParameters.parse("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a=x%4"})
    void rejectsATruncatedEscape(String encoded) {
        assertThatThrownBy(() -> FormParameters.parse(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed percent escape")
                .hasMessageContaining("at the end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%G1", "a=%1G", "a=%%41", "a=%٣٣"})
    void rejectsAnEscapeThatIsNotTwoAsciiHexDigits(String encoded) {
        assertThatThrownBy(() -> FormParameters.parse(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed percent escape '%");
    }

    @Test
    void rejectsEscapesThatAreNotUtf8() {
        assertThatThrownBy(() -> FormParameters.parse("a=%C3%28"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void rejectsARepeatedName() {
        assertThatThrownBy(() -> FormParameters.parse("Action=A&Action=B"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats the parameter 'Action'");
    }

    @Test
    void rejectsAnEmptyName() {
        assertThatThrownBy(() -> FormParameters.parse("=value"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
    }

    @Test
    void formatsWithTheSignatureEncodingAndParsesBack() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Name", "a b+c*~");
        parameters.put("中", "文");
        String encoded = FormParameters.format(parameters);
        assertThat(encoded).isEqualTo("Name=a%20b%2Bc%2A~&%E4%B8%AD=%E6%96%87");
        assertThat(FormParameters.parse(encoded)).isEqualTo(parameters);
    }

    @Test
    void joinsQueryAndBodyButRefusesANameInBoth() {
        assertThat(FormParameters.union(Map.of("Action", "A"), Map.of("Name", "n")))
                .containsOnly(entry("Action", "A"), entry("Name", "n"));
        assertThatThrownBy(() -> FormParameters.union(Map.of("Name", "q"), Map.of("Name", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Name' is in both the query and the body");
    }

    @Test
    void countsThePairsParseWouldFindWithoutDecoding() {
        assertThat(FormParameters.count(null)).isZero();
        assertThat(FormParameters.count("")).isZero();
        assertThat(FormParameters.count("&&")).isZero();
        assertThat(FormParameters.count("a=1&&b=%zz&c")).isEqualTo(3);
        assertThat(FormParameters.count("a=1&b=2&")).isEqualTo(FormParameters.parse("a=1&b=2&").size());
    }
}
