package dev.sluice.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** Keys stay in their tenant's and project's folder; the folder store bounds uploads and keeps nothing half-written. */
class ObjectKeysTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "..", "a/../b", "a//b", ".hidden", "a\\b", "a b", "-x", "ä"})
    void namesThatCouldEscapeOrMisleadAreRefused(String name) {
        assertThatThrownBy(() -> ObjectKeys.requireValidName(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreScopedAndBounded() {
        assertThatThrownBy(() -> ObjectKeys.requireValidName("a".repeat(201))).hasMessageContaining("longer than 200");
        String key = ObjectKeys.newKey(3, 9, "lib/udf-1.0.jar");
        assertThat(key).matches("3/9/[0-9a-f]{32}/lib/udf-1.0.jar");
        assertThat(ObjectKeys.belongsTo(key, 3, 9)).isTrue();
        assertThat(ObjectKeys.belongsTo(key, 3, 8)).isFalse();
        assertThat(ObjectKeys.belongsTo(key, 33, 9)).isFalse();
        assertThat(ObjectKeys.isValidKey("3/9/" + "0".repeat(32) + "/../../x")).isFalse();
        assertThat(ObjectKeys.newKey(3, 9, "a")).isNotEqualTo(ObjectKeys.newKey(3, 9, "a"));
    }

    @Test
    void theFolderStoreWritesStatsReadsAndDeletes() throws Exception {
        FolderObjects folder = new FolderObjects(dir.resolve("storage"));
        String key = ObjectKeys.newKey(1, 2, "data.csv");
        byte[] bytes = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        FolderObjects.Written written = folder.write(key, new ByteArrayInputStream(bytes), 100);
        assertThat(written.size()).isEqualTo(bytes.length);
        String sha = HexFormat.of().formatHex(PresignedUrlVerifier.sha256(bytes));
        assertThat(folder.stat(key)).hasValue(new StoredObject(key, bytes.length, "SHA-256", sha));
        try (InputStream in = folder.open(key).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("storage"))).hasSize(3); // rwx------
        folder.delete(key);
        assertThat(folder.stat(key)).isEmpty();
        assertThat(folder.open(key)).isEmpty();
        assertThatThrownBy(() -> folder.pathOf("1/2/" + "0".repeat(32) + "/../../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUploadOverTheBoundKeepsNothing() throws Exception {
        FolderObjects folder = new FolderObjects(dir.resolve("storage"));
        String key = ObjectKeys.newKey(1, 2, "big.bin");
        assertThatThrownBy(() -> folder.write(key, new ByteArrayInputStream(new byte[200_000]), 100_000))
                .isInstanceOf(FolderObjects.TooLarge.class);
        assertThat(folder.stat(key)).isEmpty();
        try (var left = Files.list(dir.resolve("storage/.uploads"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void settingsKeepTheSecretOutOfTheirText() {
        StorageSettings settings = new StorageSettings("http://minio:9000", "", "files", "us-east-1", "AKID", "very-secret", true,
                Duration.ofMinutes(15), DataSize.ofMegabytes(512));
        assertThat(settings.external()).isTrue();
        assertThat(settings.toString()).doesNotContain("very-secret").contains("secretAccessKey=***");
        assertThatThrownBy(() -> new StorageSettings("http://minio:9000", "", "files", "us-east-1", "", "", true, Duration.ofMinutes(15),
                DataSize.ofMegabytes(1))).hasMessageContaining("sluice.storage.access-key-id");
        assertThatThrownBy(() -> new StorageSettings("", "http://host:8080/prefix", "files", "us-east-1", "", "", true,
                Duration.ofMinutes(15), DataSize.ofMegabytes(1))).hasMessageContaining("sluice.storage.public-url");
    }
}
