package dev.sluice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.CallRecord;
import dev.sluice.metering.RecordedCalls;
import picocli.CommandLine;

class LedgerCommandsTest {

    @TempDir
    Path dir;

    private final List<Object[]> asked = new ArrayList<>();
    private final RecordedCalls calls = (from, to, account, action) -> {
        asked.add(new Object[] {from, to, account});
        action.accept(new CallRecord("REQ-1", 7L, 8L, "LTAIkey", "GetMyTenants", 1, OperationType.READ,
                Instant.parse("2026-12-02T01:02:03Z"), true, false, "OK", 200, 4, null));
        action.accept(new CallRecord("REQ-2", 7L, 8L, "LTAIkey", "CreateProject", 2, OperationType.WRITE,
                Instant.parse("2026-12-02T01:02:04Z"), false, false, "Throttling.User", 429, 0, "Counted,\"Admission\""));
    };

    @Test
    void exportWritesEveryCallAsCsvWithFieldsQuotedWhereNeeded() throws Exception {
        Path out = dir.resolve("calls.csv");
        int code = new CommandLine(new LedgerCommands(calls)).execute("export", "--from", "2026-12-01", "--to", "2026-12-02",
                "--account", "7", "--out", out.toString());
        assertThat(code).isZero();
        assertThat(asked).singleElement().satisfies(args -> assertThat(args)
                .containsExactly(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"), 7L));
        assertThat(Files.readAllLines(out)).containsExactly(
                "request_id,account_id,user_id,access_key_id,action,level,type,called_at,admitted,billable,outcome_code,http_status,latency_ms,refused_by",
                "REQ-1,7,8,LTAIkey,GetMyTenants,1,READ,2026-12-02T01:02:03Z,true,false,OK,200,4,",
                "REQ-2,7,8,LTAIkey,CreateProject,2,WRITE,2026-12-02T01:02:04Z,false,false,Throttling.User,429,0,\"Counted,\"\"Admission\"\"\"");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        int code = new CommandLine(new LedgerCommands(calls)).execute("export", "--from", "2026-12-02", "--to", "2026-12-01");
        assertThat(code).isNotZero();
        assertThat(asked).isEmpty();
    }
}
