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

    @Test
    void duckdbTakesNoOptionInAnyFormAndNoNamedMemoryDatabase() {
        for (String url : List.of("jdbc:duckdb::memory:;session_init_sql_file=/etc/passwd", "jdbc:duckdb:;session_init_sql_file=/k",
                "jdbc:duckdb:" + roots.resolve("allowed/a.db") + ";enable_external_access=true", "jdbc:duckdb::memory:?x=1",
                "jdbc:duckdb:" + roots.resolve("allowed/a.db") + "?access_mode=read_write")) {
            assertThat(refusal(Reach.DUCKDB, url)).as(url).contains("jdbc.url", "options");
        }
        assertThat(refusal(Reach.DUCKDB, "jdbc:duckdb::memory:shared")).contains("jdbc:duckdb::memory:");
        assertThat(refusal(Reach.DUCKDB, "jdbc:duckdb:md:my_db")).contains("jdbc:duckdb::memory:");
        assertThat(refusal(Reach.DUCKDB, "jdbc:duckdb:ducklake:/x")).contains("jdbc:duckdb::memory:");
    }

    @Test
    void anEmbeddedFileCannotLeaveItsRootThroughALink() throws Exception {
        java.nio.file.Files.createDirectories(roots.resolve("allowed"));
        java.nio.file.Files.createDirectories(roots.resolve("data"));
        java.nio.file.Files.createSymbolicLink(roots.resolve("allowed/key.db"), roots.resolve("data"));
        assertThat(refusal(Reach.DUCKDB, "jdbc:duckdb:" + roots.resolve("allowed/key.db"))).contains("link");
    }

    @Test
    void onlyListedOptionsWithListedValuesOnce() {
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?options=-c%20search_path%3Dx")).contains("'options'");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?sslfactory=x.Y")).contains("sslfactory");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?SocketFactory=x.Y")).contains("SocketFactory");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?socket%46actory=x.Y")).contains("not accepted");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?host=elsewhere")).contains("'host'");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?service=prod")).contains("'service'");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?sslmode=require&sslmode=disable")).contains("twice");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db/app?sslmode=bogus")).contains("value of the option 'sslmode'");
        assertThat(refusal(Reach.MARIADB, "jdbc:mariadb://db/app?AllowLocalInfile=true")).contains("AllowLocalInfile");
        assertThat(refusal(Reach.MARIADB, "jdbc:mariadb://db/app?autoDeserialize=true")).contains("autoDeserialize");
        assertThat(refusal(Reach.MARIADB, "jdbc:mariadb://db/app?localSocket=/run/mysqld.sock")).contains("localSocket");
        assertThat(refusal(Reach.MARIADB, "jdbc:mariadb://db/app?useSSL=true&usessl=false")).contains("twice");
        assertThat(refusal(Reach.H2, "jdbc:h2:tcp://db/app;AUTO_SERVER=TRUE")).contains("AUTO_SERVER");
        assertThat(refusal(Reach.H2, "jdbc:h2:tcp://db/app;IFEXISTS=FALSE")).contains("IFEXISTS");
        assertThat(refusal(Reach.H2, "jdbc:h2:tcp://db/app;init=runscript from 'x'")).contains("INIT");
        assertThat(refusal(Reach.H2, "jdbc:h2:tcp://db/app;LOCK_TIMEOUT=FILE_READ('/etc/passwd')")).contains("value of the setting 'LOCK_TIMEOUT'");
        assertThat(refusal(Reach.H2, "jdbc:h2:tcp://db/app;MODE=MySQL;mode=MySQL")).contains("twice");
    }

    @Test
    void oneHostByNameOrAddressAndNoOtherForm() {
        assertThat(refusal(Reach.MARIADB, "jdbc:mariadb://address=(host=db)(port=3306)/app")).contains("one host");
        assertThat(refusal(Reach.MARIADB, "jdbc:mysql:loadbalance://db1,db2/app")).contains("jdbc:mariadb://");
        assertThat(refusal(Reach.MARIADB, "jdbc:mariadb:replication://db1,db2/app")).contains("jdbc:mariadb://");
        assertThat(refusal(Reach.MARIADB, "jdbc:mariadb://db1,db2/app")).contains("one host");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db1:5432,db2:5432/app")).contains("one host");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db%2Eevil/app")).contains("one host");
        assertThat(refusal(Reach.POSTGRESQL, "jdbc:postgresql://db /app")).contains("one host");
        assertThat(refusal(Reach.H2, "jdbc:h2:tcp://db1,db2/app")).contains("one host");
        JdbcUrlRules r = rules(List.of());
        assertThat(r.check(Reach.POSTGRESQL, "jdbc:postgresql://[::1]:5432/app", "P")).isNotNull();
        assertThat(r.check(Reach.MARIADB, "jdbc:mariadb://10.0.0.7/app?sslMode=verify-full&serverTimezone=Asia/Shanghai", "P")).isNotNull();
    }
}
