package dev.sluice.account;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * On the very first start, creates one account with its tenant, user and AccessKey, and prints what a person needs for a
 * first signed call. Each fact is on its own "Name: value" line so scripts can read them. The secret goes to standard
 * output once and never to the log. Other modules add their part ({@link FirstStartContribution}, e.g. a first project
 * with a compute source) in the same transaction, so an interrupted first start leaves nothing and the next redoes it.
 */
@Component
class FirstStart {

    /** {@code sluice.bootstrap.*}: whether a first start creates an account, and its name, plan, region and user. */
    @Validated
    @ConfigurationProperties("sluice.bootstrap")
    record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("default") @NotBlank String accountName,
                    @DefaultValue("intelligent") @NotBlank String plan, @DefaultValue("cn-hangzhou") @NotBlank String region,
                    @DefaultValue("admin") @NotBlank String userName) {
    }

    private final AccountAdmin admin;
    private final Accounts accounts;
    private final ConsoleLogins logins;
    private final Settings settings;
    private final Environment environment;
    private final List<FirstStartContribution> contributions;
    private final TransactionTemplate transaction;

    FirstStart(AccountAdmin admin, Accounts accounts, ConsoleLogins logins, Settings settings, Environment environment,
               List<FirstStartContribution> contributions, PlatformTransactionManager transactions) {
        this.admin = admin;
        this.accounts = accounts;
        this.logins = logins;
        this.settings = settings;
        this.environment = environment;
        this.contributions = contributions;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!settings.enabled()) return;
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String endpoint = "http://127.0.0.1:" + port;
        List<String> contributed = new ArrayList<>();
        Optional<NewAccount> created = transaction.execute(tx -> {
            Optional<NewAccount> account = admin.bootstrapFirstAccount(settings.accountName(), settings.plan(), settings.region(),
                    settings.userName());
            account.ifPresent(first -> {
                var seen = new FirstStartContribution.FirstAccount(first.account().id(), first.tenant().id(), first.mainUser().id(),
                        first.key().accessKeyId(), endpoint, port);
                contributions.forEach(c -> contributed.addAll(c.onFirstStart(seen)));
            });
            return account;
        });
        PrintStream out = System.out;
        out.println();
        out.println("Sluice is ready.");
        out.println("Endpoint: " + endpoint);
        if (created.isPresent()) {
            NewAccount first = created.get();
            out.println("TenantId: " + first.tenant().id());
            out.println("AccessKeyId: " + first.key().accessKeyId());
            out.println("AccessKeySecret: " + first.key().accessKeySecret());
            // The installer is the first operator: the console's admin view is theirs until they appoint others.
            String consolePassword = logins.issuePassword(first.mainUser().id());
            logins.setOperator(first.mainUser().id(), true);
            out.println("Console: " + endpoint + "/console");
            out.println("ConsoleUser: " + logins.loginNameOf(first.mainUser().id()));
            out.println("ConsolePassword: " + consolePassword);
            out.println(FirstCallExample.render(endpoint, port, first));
            contributed.forEach(out::println);
            out.println("(The secret is shown this once, and so is the console password, which the console asks you to change at"
                    + " the first sign-in. Later starts reuse the data and do not print them again.)");
        } else {
            accounts.accounts().stream().findFirst().ifPresent(account ->
                    accounts.tenants(account.id()).stream().findFirst().ifPresent(t -> out.println("TenantId: " + t.id())));
            out.println("Console: " + endpoint + "/console");
            out.println("(Existing data reused; AccessKeys were printed on the first start. `./sluice admin key create` makes a new one.)");
        }
        out.flush();
    }
}
