package dev.sluice.system;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start a node whose master key is not the one the database's secrets are sealed with. The first node
 * seals a known value; every later start must open it. Without this, a cluster node started without the shared
 * {@code SLUICE_MASTER_KEY} would generate a key of its own and answer {@code SignatureDoesNotMatch} to every caller.
 */
final class MasterKeyCheck {

    private static final String BOUND_TO = "master-key-check";
    private static final String KNOWN = "sluice master key check v1";

    private MasterKeyCheck() {
    }

    static void verify(JdbcClient jdbc, SecretCipher cipher) {
        Optional<String> sealed = stored(jdbc);
        if (sealed.isEmpty()) {
            try {
                jdbc.sql("insert into master_key_check (id, sealed) values (1, ?)").param(cipher.encrypt(KNOWN, BOUND_TO)).update();
                return;
            } catch (DuplicateKeyException anotherNodeFirst) {
                sealed = stored(jdbc);
            }
        }
        boolean opens;
        try {
            opens = KNOWN.equals(cipher.decrypt(sealed.orElseThrow(), BOUND_TO));
        } catch (IllegalStateException wrongKey) {
            opens = false;
        }
        if (!opens) {
            throw new IllegalStateException("this node's master key is not the one the database's secrets are sealed with: "
                    + "start every node with the same sluice.master-key (SLUICE_MASTER_KEY), or restore the data directory's "
                    + MasterKey.FILE_NAME);
        }
    }

    private static Optional<String> stored(JdbcClient jdbc) {
        return jdbc.sql("select sealed from master_key_check where id = 1").query(String.class).optional();
    }
}
