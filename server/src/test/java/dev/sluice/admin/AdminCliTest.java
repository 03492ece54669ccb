package dev.sluice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.SluiceApplication;

/** The operator command line on a fresh data directory: it works on the data as it is and creates nothing itself. */
class AdminCliTest {

    @TempDir
    Path dataDir;

    @Test
    void anOperatorCommandOnAnEmptyDataDirectoryBootstrapsNothing() throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setProperty("sluice.data-dir", dataDir.toString());
        System.setOut(new PrintStream(out, true));
        int code;
        try {
            code = AdminCli.run(SluiceApplication.class, new String[] {"account", "list"});
        } finally {
            System.setOut(before);
            System.clearProperty("sluice.data-dir");
        }
        assertThat(code).isZero();
        assertThat(out.toString()).doesNotContain("AccessKeySecret", "ConsolePassword");
        String password = Files.readString(dataDir.resolve("database.password")).strip();
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("sluice") + ";AUTO_SERVER=TRUE", "", password);
             var rows = connection.createStatement().executeQuery("select count(*) from account")) {
            rows.next();
            assertThat(rows.getLong(1)).as("accounts created by a listing").isZero();
        }
    }
}
