package dev.sluice.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key that seals secrets at rest. Taken from configuration ({@code sluice.master-key}, Base64) when given,
 * which is how every node of a cluster shares one key; otherwise generated on first start into the data directory,
 * readable by the owner only.
 */
final class MasterKey {

    static final String FILE_NAME = "master.key";

    private MasterKey() {
    }

    static SecretKey load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) return fromBase64(configured.trim(), "sluice.master-key");
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) create(file);
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first; use theirs
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static SecretKey fromBase64(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key in " + source + " is not valid Base64");
        }
        if (key.length != 32) throw new IllegalStateException("the master key in " + source + " must be 32 bytes, not " + key.length);
        return new SecretKeySpec(key, "AES");
    }
}
