package dev.sluice.platform.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.protocol.PopException;

/** What a tenant's JDBC URL may say, driver by driver. */
class JdbcUrlRulesTest {

    @TempDir
    Path roots;

    JdbcUrlRules rules(List<Path> fileRoots) {
        return new JdbcUrlRules(new SourceSettings(Duration.ofSeconds(5), fileRoots), roots.resolve("data").toString());
    }

    String refusal(Reach reach, String url) {
        try {
            rules(List.of(roots.resolve("allowed"))).check(reach, url, "P");
        } catch (PopException e) {
            assertThat(e.error().code()).isEqualTo("InvalidParameter");
            return e.error().message();
        }
        throw new AssertionError("accepted " + url);
    }

    @Test
    void harmlessUrlsPassAndMysqlGoesToTheMariadbDriver() {
        JdbcUrlRules r = rules(List.of(roots.resolve("allowed")));
        assertThat(r.check(Reach.POSTGRESQL, "jdbc:postgresql://db:5432/app?sslmode=require&user=app", "P")).startsWith("jdbc:postgresql://db");
        assertThat(r.check(Reach.MARIADB, "jdbc:mysql://db:3306/app?useSSL=true", "P")).isEqualTo("jdbc:mariadb://db:3306/app?useSSL=true");
        assertThat(r.check(Reach.H2, "jdbc:h2:tcp://db:9092/app;MODE=PostgreSQL", "P")).isNotNull();
        assertThat(r.check(Reach.DUCKDB, "jdbc:duckdb:" + roots.resolve("allowed/a.duckdb"), "P")).isNotNull();
        assertThat(r.check(Reach.DUCKDB, "jdbc:duckdb::memory:", "P")).isNotNull();
    }

    @Test
    void optionsThatLoadClassesOrReadFilesAreRefused() {
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?socketFactory=x.Y")).contains("socketFactory");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?loggerFile=/tmp/x")).contains("loggerFile");
        assertThat(refusal(Reach.MARIADB, "jdbc:mariadb://db/app?allowLocalInfile=true")).contains("allowLocalInfile");
        assertThat(refusal(Reach.H2, "jdbc:h2:tcp://db/app;INIT=RUNSCRIPT FROM 'x'")).contains("INIT");
        assertThat(refusal(Reach.DUCKDB, "jdbc:duckdb:?allow_unsigned_extensions=true")).contains("options");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?socketTimeout=0")).contains("socketTimeout");
    }

    @Test
    void secretsStayOutOfUrls() {
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?password=x")).contains("jdbc.password");
        assertThat(refusal(Reach.MARIADB, "jdbc:mysql://root:x@db/app")).contains("jdbc.password");
        assertThat(refusal(Reach.H2, "jdbc:h2:tcp://db/app;PASSWORD=x")).contains("jdbc.password");
    }

    @Test
    void embeddedFilesOnlyUnderAnOperatorRootAndNeverTheDataDirectory() {
        assertThat(refusal(Reach.H2, "jdbc:h2:mem:x")).contains("in-memory");
        assertThat(refusal(Reach.H2, "jdbc:h2:file:/etc/x")).contains("under one of");
        assertThat(refusal(Reach.DUCKDB, "jdbc:duckdb:" + roots.resolve("allowed/../elsewhere.db"))).contains("under one of");
        assertThat(refusal(Reach.H2, "jdbc:h2:tcp://127.0.0.1:9092/" + roots.resolve("data/sluice"))).contains("data directory");
        assertThatThrownBy(() -> rules(List.of()).check(Reach.DUCKDB, "jdbc:duckdb:/srv/a.db", "P")).hasMessageContaining("not enabled");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:mysql://db/app")).contains("jdbc:postgresql://");
    }
}
