package dev.sluice.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** An installation from before: its data directory open to everyone and its database without a password. */
class DataDirectoryEnvironmentTest {

    @TempDir
    Path temp;

    @Test
    void anOlderDataDirectoryIsNarrowedAndItsDatabaseGetsAPassword() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String url = "jdbc:h2:file:" + dir.resolve("sluice");
        try (var old = DriverManager.getConnection(url, "", "")) {
            old.createStatement().execute("create table kept (v int)");
            old.createStatement().execute("insert into kept values (42)");
        }

        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("sluice.data-dir", dir.toString())));
        new DataDirectoryEnvironment(new DeferredLogs()).postProcessEnvironment(environment, null);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path passwordFile = dir.resolve(EmbeddedDatabasePassword.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String password = Files.readString(passwordFile).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(password);
        assertThat(environment.getProperty("spring.datasource.url")).contains("AUTO_SERVER=TRUE");
        assertThat(System.getProperty(DataDirectoryEnvironment.H2_BIND_ADDRESS)).isEqualTo("127.0.0.1");

        assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close()).isInstanceOf(SQLException.class);
        try (var now = DriverManager.getConnection(url, "", password);
             var rows = now.createStatement().executeQuery("select v from kept")) {
            rows.next();
            assertThat(rows.getInt(1)).as("the data survives").isEqualTo(42);
        }

        // The next start reads the same password and changes nothing.
        StandardEnvironment again = new StandardEnvironment();
        again.getPropertySources().addFirst(new MapPropertySource("test", Map.of("sluice.data-dir", dir.toString())));
        new DataDirectoryEnvironment(new DeferredLogs()).postProcessEnvironment(again, null);
        assertThat(again.getProperty("spring.datasource.password")).isEqualTo(password);
    }

    @Test
    void aNewDataDirectoryIsCreatedForTheOwnerOnly() throws Exception {
        Path dir = temp.resolve("parent/new-data");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("sluice.data-dir", dir.toString())));
        new DataDirectoryEnvironment(new DeferredLogs()).postProcessEnvironment(environment, null);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Files.exists(dir.resolve("sluice.mv.db"))).as("nothing opened yet").isFalse();
        String password = Files.readString(dir.resolve(EmbeddedDatabasePassword.FILE_NAME)).strip();
        try (var first = DriverManager.getConnection(environment.getProperty("spring.datasource.url"), "", password)) {
            assertThat(first.isValid(1)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(environment.getProperty("spring.datasource.url"), "", "").close())
                .isInstanceOf(SQLException.class);
    }
}
