package dev.sluice.platform.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sluice.protocol.PopException;
import dev.sluice.system.AllowedHosts;
import dev.sluice.system.OutboundAddresses;

/** Host lists read out of JDBC URLs, and URLs pinned to the addresses checked (literals and localhost only: no DNS). */
class JdbcHostsTest {

    final OutboundAddresses local = new OutboundAddresses(new AllowedHosts(List.of("127.0.0.1/32", "::1", "localhost")));
    final OutboundAddresses strict = new OutboundAddresses(new AllowedHosts(List.of()));

    String pinned(Reach reach, String url) throws Exception {
        return JdbcHosts.pin(new JdbcTarget(reach, url, "u", "pw"), local, Duration.ofSeconds(2)).url();
    }

    @Test
    void everyHostIsReplacedByTheAddressItWasCheckedAt() throws Exception {
        assertThat(pinned(Reach.POSTGRESQL, "jdbc:postgresql://localhost:5432/test?user=postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(pinned(Reach.POSTGRESQL, "jdbc:postgresql://localhost,127.0.0.1:5433,[::1]/db?targetServerType=primary"))
                .isEqualTo("jdbc:postgresql://127.0.0.1,127.0.0.1:5433,[0:0:0:0:0:0:0:1]/db?targetServerType=primary");
        assertThat(pinned(Reach.MARIADB, "jdbc:mariadb://LOCALHOST:3306/test")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(pinned(Reach.H2, "jdbc:h2:tcp://localhost:9092/checks;MODE=PostgreSQL")).isEqualTo("jdbc:h2:tcp://127.0.0.1:9092/checks;MODE=PostgreSQL");
        assertThat(pinned(Reach.DUCKDB, "jdbc:duckdb::memory:")).isEqualTo("jdbc:duckdb::memory:");
        assertThat(pinned(Reach.H2, "jdbc:h2:/srv/roots/a")).isEqualTo("jdbc:h2:/srv/roots/a");
    }

    @Test
    void oneClosedHostOfSeveralRefusesTheWholeUrl() {
        assertThatThrownBy(() -> pinned(Reach.POSTGRESQL, "jdbc:postgresql://127.0.0.1,10.0.0.1/db"))
                .isInstanceOfSatisfying(PopException.class, e -> assertThat(e.error().message()).contains("10.0.0.1", "private"));
        assertThatThrownBy(() -> JdbcHosts.pin(new JdbcTarget(Reach.H2, "jdbc:h2:tcp://127.0.0.1/x", "sa", null), strict, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(PopException.class, e -> assertThat(e.error().code()).isEqualTo("Forbidden.Host"));
    }

    @Test
    void hostListsSluiceCannotReadAndHostOptionsAreRefused() {
        for (String url : List.of("jdbc:mariadb://address=(host=10.0.0.1)(port=3306)/db", "jdbc:postgresql://db:99999/x",
                "jdbc:postgresql://127.0.0.1/x?PGHOST=10.0.0.1", "jdbc:postgresql://127.0.0.1/x?service=evil", "jdbc:postgresql://,/x")) {
            Reach reach = url.startsWith("jdbc:mariadb") ? Reach.MARIADB : Reach.POSTGRESQL;
            assertThatThrownBy(() -> pinned(reach, url)).as(url)
                    .isInstanceOfSatisfying(PopException.class, e -> assertThat(e.error().code()).isEqualTo("Forbidden.Host"));
        }
    }

    @Test
    void theAddressOfASourceIsItsHostsPortsDatabaseAndUser() {
        assertThat(address("jdbc:postgresql://DB:5432/app?sslmode=require", "app"))
                .isEqualTo(address("jdbc:postgresql://db/app?sslmode=disable", "app"));
        assertThat(address("jdbc:postgresql://db/app", "app")).isNotEqualTo(address("jdbc:postgresql://db2/app", "app"));
        assertThat(address("jdbc:postgresql://db/app", "app")).isNotEqualTo(address("jdbc:postgresql://db:6432/app", "app"));
        assertThat(address("jdbc:postgresql://db/app", "app")).isNotEqualTo(address("jdbc:postgresql://db/other", "app"));
        assertThat(address("jdbc:postgresql://db/app", "app")).isNotEqualTo(address("jdbc:postgresql://db/app", "root"));
        assertThat(address("jdbc:postgresql://db/app?user=app", null)).isEqualTo(address("jdbc:postgresql://db/app", "app"));
        assertThat(address("jdbc:postgresql://db/app?user=app", null)).isNotEqualTo(address("jdbc:postgresql://db/app?user=root", null));
    }

    static SourceAddress address(String url, String user) {
        List<ConfigItem> items = user == null ? List.of(new ConfigItem("jdbc.url", url))
                : List.of(new ConfigItem("jdbc.url", url), new ConfigItem("jdbc.username", user));
        return SourceAddress.of(SourceConfig.stored(SourceTypes.parse("POSTGRE_SQL", "Type"), items));
    }

    @Test
    void anUpdateKeepsSecretsUnlessItMovesTheSource() {
        SourceType maxCompute = SourceTypes.parse("MAX_COMPUTE", "Type");
        List<ConfigItem> stored = List.of(new ConfigItem("endpoint", "http://service.cn-hangzhou.maxcompute.aliyun.com/api"),
                new ConfigItem("accessKeyId", "AK1"), new ConfigItem("accessKeySecret", "s3cret"), new ConfigItem("comment", "a"));
        KeptSecrets same = KeptSecrets.merge(new SourceConfig(maxCompute, List.of(stored.get(0), stored.get(1), new ConfigItem("comment", "b")), null), stored);
        assertThat(same.dropped()).isEmpty();
        assertThat(same.message()).isNull();
        assertThat(same.config().items()).extracting(ConfigItem::key).contains("accessKeySecret");

        KeptSecrets moved = KeptSecrets.merge(new SourceConfig(maxCompute, List.of(new ConfigItem("endpoint", "http://evil.example/api"),
                stored.get(1)), null), stored);
        assertThat(moved.dropped()).containsExactly("accessKeySecret");
        assertThat(moved.message()).contains("accessKeySecret");
        assertThat(moved.config().items()).extracting(ConfigItem::key).doesNotContain("accessKeySecret");

        KeptSecrets resent = KeptSecrets.merge(new SourceConfig(maxCompute, List.of(new ConfigItem("endpoint", "http://evil.example/api"),
                stored.get(1), new ConfigItem("accessKeySecret", "new")), null), stored);
        assertThat(resent.dropped()).isEmpty();
        assertThat(resent.config().items()).extracting(ConfigItem::value).contains("new").doesNotContain("s3cret");
    }
}
