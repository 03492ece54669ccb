package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentEncodingTest {

    @Test
    void leavesTheUnreservedCharactersAlone() {
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        assertThat(PercentEncoding.encode(unreserved)).isEqualTo(unreserved);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\" \"                  | %20",
            "*                      | %2A",
            "~                      | ~",
            "+                      | %2B",
            "/                      | %2F",
            "=                      | %3D",
            "&                      | %26",
            "%                      | %25",
            "2016-02-23T12:46:24Z   | 2016-02-23T12%3A46%3A24Z",
            "中文                   | %E4%B8%AD%E6%96%87",
            "é                      | %C3%A9",
            "😀                     | %F0%9F%98%80",
            "a b*c~d!'()            | a%20b%2Ac~d%21%27%28%29",
    })
    void encodesEverythingElseAsUpperCaseUtf8Escapes(String raw, String encoded) {
        assertThat(PercentEncoding.encode(raw)).isEqualTo(encoded);
    }

    @Test
    void encodesTheEmptyStringAsItself() {
        assertThat(PercentEncoding.encode("")).isEmpty();
    }
}
