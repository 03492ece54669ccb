package dev.sluice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.platform.project.Projects;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;
import picocli.CommandLine;

/** {@code ./sluice admin project create|list} against the server's own beans. */
@SluiceServerTest
class ProjectCommandsTest {

    @Autowired
    Projects projects;

    @Autowired
    AccountAdmin admin;

    String run(String... args) {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            int code = new CommandLine(new ProjectCommands(projects)).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
            assertThat(code).as(out.toString()).isZero();
        } finally {
            System.setOut(before);
        }
        return out.toString();
    }

    @Test
    void theOperatorCreatesAndListsProjects() {
        NewAccount account = TestAccounts.create(admin, "basic");
        String tenant = String.valueOf(account.tenant().id());
        String created = run("create", "--tenant", tenant, "--name", "dp_cli", "--owner", String.valueOf(account.mainUser().id()),
                "--mode", "dev_prod", "--display-name", "From the CLI");
        assertThat(created).contains("ProjectId: ", "Name: dp_cli", "Mode: DEV_PROD");

        var project = projects.byName(account.tenant().id(), "dp_cli").orElseThrow();
        assertThat(project.displayName()).isEqualTo("From the CLI");
        assertThat(run("list", "--tenant", tenant)).contains(String.valueOf(project.id()), "dp_cli", "DEV_PROD");
    }
}
