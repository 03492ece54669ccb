package dev.sluice.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The embedded H2 database's password: random, kept beside the master key in {@value #FILE_NAME} (mode 600), read by
 * the server and by {@code ./sluice admin} alike. H2's auto-server listener (which lets the admin commands open the
 * database while the server runs) accepts anyone who presents the key from the lock file and the database's
 * credentials; before this password those credentials were an empty name and an empty password.
 * <p>
 * A database created before passwords gets one on its first start with this version: the new password is written to
 * {@value #FILE_NAME}{@code .new} first, set in the database, then the file is renamed, so a start that stops halfway
 * finds the password it was setting on the next try.
 */
final class EmbeddedDatabasePassword {

    static final String FILE_NAME = "database.password";
    private static final String WRONG_PASSWORD = "28000";

    private EmbeddedDatabasePassword() {
    }

    static String load(Path dataDir, String url, String databaseFile) throws IOException, SQLException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) return read(file);
        Path pending = dataDir.resolve(FILE_NAME + ".new");
        if (!Files.exists(pending)) {
            try {
                OwnerOnlyFiles.createSecret(pending, random());
            } catch (FileAlreadyExistsException anotherProcessFirst) { // the server and an admin command started together
                // theirs is read below
            }
        }
        String password = read(pending);
        if (Files.exists(dataDir.resolve(databaseFile))) protect(url, password);
        Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /** Sets the password on a database that has none yet; one that already has it (a start stopped halfway) is left as is. */
    private static void protect(String url, String password) throws SQLException {
        for (String current : List.of("", password)) {
            Properties credentials = new Properties();
            credentials.setProperty("user", "");
            credentials.setProperty("password", current);
            try (Connection connection = org.h2.Driver.load().connect(url, credentials)) {
                if (current.isEmpty()) {
                    try (PreparedStatement set = connection.prepareStatement("SET PASSWORD ?")) {
                        set.setString(1, password);
                        set.execute();
                    }
                }
                return;
            } catch (SQLException refused) {
                if (!WRONG_PASSWORD.equals(refused.getSQLState())) throw refused;
            }
        }
        throw new IllegalStateException("the embedded database refuses both an empty password and the one in "
                + FILE_NAME + ".new; restore " + FILE_NAME + " from a backup of the data directory");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
