package dev.sluice.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class MasterKeyCheckTest {

    static SecretCipher cipher(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return new SecretCipher(new SecretKeySpec(key, "AES"));
    }

    @Test
    void aNodeWithAnotherMasterKeyRefusesToStartAndOneWithTheSameKeyStarts() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);

        MasterKeyCheck.verify(jdbc, cipher(1)); // the first node seals the check value
        assertThatCode(() -> MasterKeyCheck.verify(jdbc, cipher(1))).doesNotThrowAnyException();
        assertThatThrownBy(() -> MasterKeyCheck.verify(jdbc, cipher(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SLUICE_MASTER_KEY");
    }
}
