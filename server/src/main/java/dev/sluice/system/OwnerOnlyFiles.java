package dev.sluice.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.logging.Log;

/**
 * The data directory and the secrets in it are for the server's own user: the directory mode 700, the files in it
 * that hold secrets mode 600. Set at creation (no moment in which another user could open them), not by umask.
 */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates the directory mode 700; an existing one that others may enter is narrowed to 700 (the H2 lock file in it
     * holds the key to the database's listener), with a warning, or only warned about if it is not ours to change.
     */
    static void directory(Path dir, Log log) throws IOException {
        if (!POSIX) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.exists(dir)) {
            if (dir.getParent() != null) Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            Files.setPosixFilePermissions(dir, DIRECTORY); // the umask may have taken bits away, never added: exact now
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
        if (now.equals(DIRECTORY)) return;
        Set<PosixFilePermission> others = EnumSet.copyOf(now);
        others.removeAll(DIRECTORY);
        if (others.isEmpty()) return; // narrower than 700 (e.g. read-only): nothing for others to reach
        try {
            Files.setPosixFilePermissions(dir, DIRECTORY);
            log.warn("The data directory " + dir + " was open to other users (" + PosixFilePermissions.toString(now)
                    + "); it is now rwx------");
        } catch (IOException | SecurityException notOurs) {
            log.warn("The data directory " + dir + " is open to other users (" + PosixFilePermissions.toString(now)
                    + ") and could not be narrowed: run chmod 700 on it");
        }
    }

    /** Writes a new file readable by the owner only; fails if it exists. */
    static void createSecret(Path file, String text) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
