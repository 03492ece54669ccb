package dev.sluice.operations.instance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An attempt's log as {@code GetPhysicalInstanceLog} and the console show it beyond {@code sluice.scheduler.max-log-chars}. */
class InstanceLogCapTest {

    static String capped(int max, String... parts) {
        AttemptLogs.Capped log = new AttemptLogs.Capped(max);
        for (String part : parts) log.append(part);
        return log.toString();
    }

    @Test
    void aLogWithinTheCapIsWhole() {
        assertThat(capped(1000, "a".repeat(400), "b".repeat(600))).isEqualTo("a".repeat(400) + "b".repeat(600));
    }

    @Test
    void aLongLogKeepsItsHeadAndItsEndWhereTheFailureIsToldAndSaysWhatWasCut() {
        String log = capped(1000, "a".repeat(600), "b".repeat(600), "ERROR: relation missing");
        assertThat(log).startsWith("a".repeat(500) + "\n... 223 characters cut ...\n").endsWith("b".repeat(477) + "ERROR: relation missing");
        assertThat(log.length()).isEqualTo(1000 + "\n... 223 characters cut ...\n".length());
    }

    @Test
    void manyStatementsKeepTheFirstAndTheLast() {
        String[] lines = new String[10_000];
        long total = 0;
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "statement " + i + " ok\n";
            total += lines[i].length();
        }
        String log = capped(1000, lines);
        assertThat(log).startsWith("statement 0 ok\n").endsWith("statement 9999 ok\n").contains("\n... " + (total - 1000) + " characters cut ...\n");
    }
}
