package dev.sluice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.SluiceApplication;

/** {@code ./sluice admin alert}: an operator adds, lists and deletes a project's alert rules on a data directory. */
class AlertCommandsTest {

    @TempDir
    Path dataDir;

    record Run(int code, String out, String err) {
    }

    private Run admin(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setProperty("sluice.data-dir", dataDir.toString());
        System.setOut(new PrintStream(stdout, true));
        System.setErr(new PrintStream(stderr, true));
        try {
            int code = AdminCli.run(SluiceApplication.class, args);
            return new Run(code, stdout.toString(), stderr.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.clearProperty("sluice.data-dir");
        }
    }

    private static String field(String out, String name) {
        Matcher m = Pattern.compile(name + ": (\\S+)").matcher(out);
        assertThat(m.find()).as("%s in %s", name, out).isTrue();
        return m.group(1);
    }

    @Test
    void anOperatorAddsListsAndDeletesRules() {
        Run account = admin("account", "create", "--name", "alerting", "--user", "ops");
        String tenant = field(account.out(), "TenantId");
        String user = field(account.out(), "UserId");
        String project = field(admin("project", "create", "--tenant", tenant, "--name", "dp_alerts", "--owner", user).out(), "ProjectId");

        Run added = admin("alert", "add", "--tenant", tenant, "--project", project, "--kind", "timeout", "--timeout-minutes", "90",
                "--users", user, "--webhook", "https://hooks.example.com/sluice", "--webhook-token=s3cr3t-token");
        assertThat(added.code()).as(added.err()).isZero();
        String rule = field(added.out(), "AlertRuleId");
        Run refused = admin("alert", "add", "--tenant", tenant, "--project", project, "--kind", "UNFINISHED", "--owner",
                "--finish-by", "8 am");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--finish-by");

        Run listed = admin("alert", "list", "--tenant", tenant);
        assertThat(listed.out()).contains(rule).contains("TIMEOUT").contains("90m").contains("webhook (token)")
                .doesNotContain("s3cr3t-token");
        Run deleted = admin("alert", "delete", "--tenant", tenant, "--id", rule);
        assertThat(deleted.code()).isZero();
        assertThat(admin("alert", "list", "--tenant", tenant).out()).doesNotContain("TIMEOUT");
    }
}
