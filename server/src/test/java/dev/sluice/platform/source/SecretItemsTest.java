package dev.sluice.platform.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Secrets by type and by name; credentials in other values, without refusing ordinary addresses. */
class SecretItemsTest {

    static SourceType type(String name) {
        return SourceTypes.find(name).orElseThrow();
    }

    @Test
    void declaredSecretsDependOnTheTypeAndTheNameRuleHoldsForAll() {
        assertThat(SecretItems.secret(type("MAX_COMPUTE"), "accessKey")).isTrue();
        assertThat(SecretItems.secret(type("OSS"), "access.key")).isTrue();
        assertThat(SecretItems.secret(type("AMAZON_S3"), "accessKey")).as("the S3 access key is the ID").isFalse();
        assertThat(SecretItems.secret(type("MAX_COMPUTE"), "accessId")).isFalse();
        assertThat(new ConfigItem("accessKey", "x")).as("a lone item in a log line hides what any type declares").hasToString("accessKey=******");
        for (String key : List.of("jdbc.password", "pwd", "PWD", "keytab", "hive.keytab", "sasl.jaas.config", "private.key", "access.key.secret",
                "accessKeySecret", "oauth_token", "db.passphrase", "credentials")) {
            assertThat(SecretItems.secret(type("MYSQL"), key)).as(key).isTrue();
        }
        for (String key : List.of("jdbc.url", "jdbc.username", "endpoint", "project", "spark.local-client.a.resource-id")) {
            assertThat(SecretItems.secret(type("HADOOP"), key)).as(key).isFalse();
        }
    }

    @Test
    void credentialsInValuesAreFoundAndAddressesAreNot() {
        for (String value : List.of("jdbc:mysql://root:pw@db/app", "https://u:p@host/x", "mongodb://:p@h", "user:pass@host:27017",
                "jdbc:postgresql://db/app?password=x", "a=1&pwd=2", "jdbc:sqlserver://h;user=a;password=b", "PASSWORD = x",
                "{\"password\":\"x\"}")) {
            assertThat(SecretItems.carriesCredential(value)).as(value).isTrue();
        }
        for (String value : List.of("jdbc:mysql://db:3306/app?useSSL=true", "ops@example.com", "ftp://user@host/dir", "k1:9092,k2:9092",
                "hdfs://nn:8020/warehouse", "password policy: see wiki", "jdbc:h2:tcp://h:9092/db;MODE=MySQL")) {
            assertThat(SecretItems.carriesCredential(value)).as(value).isFalse();
        }
    }
}
