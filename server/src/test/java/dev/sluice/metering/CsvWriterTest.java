package dev.sluice.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What a spreadsheet or a CSV reader sees of the cells Sluice exports. */
class CsvWriterTest {

    private static String write(Object... cells) {
        StringBuilder out = new StringBuilder();
        new CsvWriter(out, "a", "b", "c").row(cells);
        return out.toString();
    }

    @Test
    void theHeaderComesFirstAndLinesEndInCrLf() {
        assertThat(write("x", 1, true)).isEqualTo("a,b,c\r\nx,1,true\r\n");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithInnerQuotesDoubled() {
        assertThat(write("Counted,\"Admission\"", "two\nlines", "cr\rlf")).isEqualTo(
                "a,b,c\r\n\"Counted,\"\"Admission\"\"\",\"two\nlines\",\"cr\rlf\"\r\n");
    }

    @Test
    void nullIsAnEmptyField() {
        assertThat(write("x", null, null)).isEqualTo("a,b,c\r\nx,,\r\n");
    }

    @Test
    void textThatASpreadsheetWouldEvaluateGetsALeadingApostrophe() {
        assertThat(write("=HYPERLINK(\"http://evil\")", "+1+2", "-2+3")).isEqualTo(
                "a,b,c\r\n\"'=HYPERLINK(\"\"http://evil\"\")\",'+1+2,'-2+3\r\n");
        assertThat(write("@SUM(A1)", "\tcmd", "\rcmd")).isEqualTo("a,b,c\r\n'@SUM(A1),'\tcmd,\"'\rcmd\"\r\n");
    }

    @Test
    void numbersStayNumbersEvenWhenNegative() {
        assertThat(write(-5, -2.5, new BigDecimal("-0.10"))).isEqualTo("a,b,c\r\n-5,-2.5,-0.10\r\n");
    }

    @Test
    void textInTheMiddleOfACellIsLeftAlone() {
        assertThat(write("a=b", "x-y", "user@example.com")).isEqualTo("a,b,c\r\na=b,x-y,user@example.com\r\n");
    }

    @Test
    void unicodePassesThroughUnchanged() {
        assertThat(write("数据开发", "Zoë", "🚀")).isEqualTo("a,b,c\r\n数据开发,Zoë,🚀\r\n");
    }

    @Test
    void datesAndEnumsAreWrittenAsText() {
        assertThat(write(LocalDate.parse("2026-12-05"), Thread.State.NEW, "")).isEqualTo("a,b,c\r\n2026-12-05,NEW,\r\n");
    }
}
