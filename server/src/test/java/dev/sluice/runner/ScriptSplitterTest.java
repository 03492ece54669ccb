package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sluice.protocol.PopException;

/** Scripts split where the engine would split them, and parameters filled in before that. */
class ScriptSplitterTest {

    @Test
    void semicolonsInStringsCommentsQuotedNamesAndDollarBodiesSurvive() {
        String script = """
                select 'a;b' as x; -- c;d
                select /* e;f /* nested; */ ; */ 2;
                select $$ g;h $$;
                create function r2_f() returns int as $body$ begin return 1; end; $body$ language plpgsql;
                select "q;r" from t;
                select E'it\\'s;x';
                this is no sql a parser knows @@ ~~ ;
                -- a trailing comment; with a semicolon
                """;
        assertThat(ScriptSplitter.split(script, Engine.Dialect.POSTGRESQL)).containsExactly(
                "select 'a;b' as x",
                "-- c;d\nselect /* e;f /* nested; */ ; */ 2",
                "select $$ g;h $$",
                "create function r2_f() returns int as $body$ begin return 1; end; $body$ language plpgsql",
                "select \"q;r\" from t",
                "select E'it\\'s;x'",
                "this is no sql a parser knows @@ ~~");
    }

    @Test
    void duckdbUsesThePostgresRules() {
        assertThat(ScriptSplitter.split("create table t(a varchar); insert into t values ('x;y');;\n select * from t", Engine.Dialect.DUCKDB))
                .containsExactly("create table t(a varchar)", "insert into t values ('x;y')", "select * from t");
    }

    @Test
    void mysqlRulesKnowBackslashesHashCommentsAndBackQuotes() {
        String script = "select 'it\\'s;x' # hash;comment\n; select `a;b` from t; select \"d\"\"q;\" --not-a-comment;\n"
                + "select 1 -- a real comment; here\n; /* only; a comment */ ; /*!40101 set names utf8 */;";
        assertThat(ScriptSplitter.split(script, Engine.Dialect.MYSQL)).containsExactly(
                "select 'it\\'s;x' # hash;comment",
                "select `a;b` from t",
                "select \"d\"\"q;\" --not-a-comment",
                "select 1 -- a real comment; here",
                "/*!40101 set names utf8 */");
    }

    @Test
    void commentsAndBlanksAloneAreNoStatements() {
        assertThat(ScriptSplitter.split(" ;; -- nothing\n /* at all */ ", Engine.Dialect.POSTGRESQL)).isEmpty();
        assertThat(ScriptSplitter.split(" ;; # nothing\n /* at all */ ", Engine.Dialect.MYSQL)).isEmpty();
    }

    @Test
    void parametersAreFilledAndBizdateIsYesterday() {
        String sql = ScriptParams.substitute("select '${bizdate}', ${n}, '${who}'", Map.of("n", "42", "who", "a$b\\c"),
                LocalDate.of(2026, 3, 1), "ParamList");
        assertThat(sql).isEqualTo("select '20260228', 42, 'a$b\\c'");
        assertThat(ScriptParams.substitute("select '${bizdate}'", Map.of("bizdate", "20200101"), LocalDate.of(2026, 3, 1), "P"))
                .isEqualTo("select '20200101'");
        assertThatThrownBy(() -> ScriptParams.substitute("select ${missing}", Map.of(), LocalDate.of(2026, 3, 1), "ExecuteCommand.ParamList"))
                .isInstanceOfSatisfying(PopException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("InvalidParameter");
                    assertThat(e.error().message()).contains("ExecuteCommand.ParamList", "missing");
                });
    }

    @Test
    void passwordsAreMaskedInLogLines() {
        assertThat(SubTaskLog.mask("FATAL: password=hunter2 for user x")).doesNotContain("hunter2");
        assertThat(SubTaskLog.mask("create user u identified by 'hunter2'")).doesNotContain("hunter2");
        assertThat(SubTaskLog.mask("alter role r password 'hunter2'")).doesNotContain("hunter2");
    }
}
