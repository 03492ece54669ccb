package dev.sluice.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The embedded store's objects as files under one folder (mode 700), one file per key at the key's path. Uploads
 * stream to a temporary file beside the objects and are moved into place only when complete and within the size
 * bound, so a reader never sees half an object. Every key is checked ({@link ObjectKeys#isValidKey}) and its path
 * must stay under the folder.
 */
final class FolderObjects {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final String PARTS = ".uploads"; // no valid key starts with '.', so no key reaches it

    private final Path root;

    FolderObjects(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            directories(this.root.resolve(PARTS));
            if (POSIX) Files.setPosixFilePermissions(this.root, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the storage folder " + this.root, e);
        }
    }

    /** Thrown when an upload passes the bound; nothing is kept. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("the object is larger than allowed", null);
        }
    }

    /** What a finished upload wrote: its size and digests (lower-case hex). */
    record Written(long size, String sha256, String md5) {
    }

    Written write(String key, InputStream body, long maxBytes) throws IOException {
        Path target = pathOf(key);
        Path part = Files.createTempFile(root.resolve(PARTS), "part-", ".tmp", ownerOnlyFile());
        try {
            MessageDigest sha256 = digest("SHA-256");
            MessageDigest md5 = digest("MD5");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = new DigestInputStream(new DigestInputStream(body, sha256), md5); OutputStream out = Files.newOutputStream(part)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    size += n;
                    if (size > maxBytes) throw new TooLarge();
                    out.write(buffer, 0, n);
                }
            }
            directories(target.getParent());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Written(size, HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(md5.digest()));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    Optional<StoredObject> stat(String key) {
        Path file = pathOf(key);
        if (!Files.isRegularFile(file)) return Optional.empty();
        MessageDigest sha256 = digest("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            long size = in.transferTo(OutputStream.nullOutputStream());
            return Optional.of(new StoredObject(key, size, "SHA-256", HexFormat.of().formatHex(sha256.digest())));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored object " + key, e);
        }
    }

    Optional<InputStream> open(String key) {
        try {
            return Optional.of(Files.newInputStream(pathOf(key)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored object " + key, e);
        }
    }

    Optional<Long> size(String key) {
        try {
            return Optional.of(Files.size(pathOf(key)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored object " + key, e);
        }
    }

    void delete(String key) {
        Path file = pathOf(key);
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent()); // the key's random folder held only this object
        } catch (java.nio.file.DirectoryNotEmptyException kept) {
            // another object shares the folder (a name with '/'): keep it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the stored object " + key, e);
        }
    }

    /** The file of a key; refuses a malformed key or one whose path would leave the folder. */
    Path pathOf(String key) {
        if (!ObjectKeys.isValidKey(key)) throw new IllegalArgumentException("not a valid object key");
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) throw new IllegalArgumentException("not a valid object key");
        return file;
    }

    private static void directories(Path dir) throws IOException {
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static FileAttribute<?>[] ownerOnlyFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
