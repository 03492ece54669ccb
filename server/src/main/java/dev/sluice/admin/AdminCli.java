package dev.sluice.admin;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.sluice.account.Account;
import dev.sluice.account.AccountAdmin;
import dev.sluice.account.Accounts;
import dev.sluice.account.KeyPair;
import dev.sluice.account.NewAccount;
import dev.sluice.account.Policy;
import dev.sluice.account.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Operator commands ({@code ./sluice admin ...}). They open the same database as the server (the embedded file is
 * shared through H2's auto-server mode), so they work whether the server is running or not.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Operator commands for accounts, users, AccessKeys, projects, console sign-ins and alert rules.",
        subcommands = {AdminCli.AccountCommands.class, AdminCli.UserCommands.class, AdminCli.KeyCommands.class,
                ProjectCommands.class, ConsoleCommands.class, LedgerCommands.class, AlertCommands.class})
public final class AdminCli {

    public static int run(Class<?> application, String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                // As arguments, which outrank application.yml (builder properties would not): an operator command
                // never bootstraps a first account and never runs the background jobs, and it leaves the ledger
                // journal, and the recovery of call intents, to the server, which may be running on the same data directory.
                .run("--sluice.bootstrap.enabled=false", "--sluice.jobs.enabled=false", "--sluice.ledger.journal=false",
                        "--sluice.ledger.intent-sweep=0s", "--logging.level.root=warn",
                        "--spring.main.log-startup-info=false")) {
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type.getPackageName().equals(AdminCli.class.getPackageName())
                            ? context.getAutowireCapableBeanFactory().createBean(type)
                            : CommandLine.defaultFactory().create(type);
                }
            };
            return new CommandLine(AdminCli.class, factory).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        }
    }

    static Set<Policy> policies(String name) {
        return switch (name.trim().toLowerCase()) {
            case "full" -> EnumSet.of(Policy.FULL_ACCESS);
            case "read-only" -> EnumSet.of(Policy.READ_ONLY);
            case "none" -> EnumSet.noneOf(Policy.class);
            default -> throw new IllegalArgumentException("unknown policy '" + name + "'; one of full, read-only, none");
        };
    }

    @Command(name = "account", description = "Accounts: list, create, update.", mixinStandardHelpOptions = true,
            subcommands = {AccountCommands.List.class, AccountCommands.Create.class, AccountCommands.Update.class})
    static final class AccountCommands {

        @Command(name = "list", description = "List accounts with edition, region and switches.")
        static final class List implements Callable<Integer> {
            private final Accounts accounts;

            List(Accounts accounts) {
                this.accounts = accounts;
            }

            @Override
            public Integer call() {
                System.out.printf("%-8s %-24s %-12s %-14s %-6s %-7s %s%n", "ID", "NAME", "PLAN", "REGION", "PAYG", "OVERDUE", "TENANT");
                for (Account a : accounts.accounts()) {
                    System.out.printf("%-8d %-24s %-12s %-14s %-6s %-7s %s%n", a.id(), a.name(), a.plan(),
                            a.region(), a.payAsYouGo(), a.overdue(), accounts.tenants(a.id()).getFirst().id());
                }
                return 0;
            }
        }

        @Command(name = "create", description = "Create an account with its tenant, main user and first AccessKey.")
        static final class Create implements Callable<Integer> {
            @Option(names = "--name", required = true) String name;
            @Option(names = {"--plan", "--edition"}, defaultValue = "intelligent", description = "a configured plan: personal, agile, basic, intelligent by default") String plan;
            @Option(names = "--region", defaultValue = "cn-hangzhou") String region;
            @Option(names = "--user", defaultValue = "admin", description = "name of the main user") String user;
            private final AccountAdmin admin;

            Create(AccountAdmin admin) {
                this.admin = admin;
            }

            @Override
            public Integer call() {
                NewAccount created = admin.createAccount(name, plan, region, user);
                System.out.println("AccountId: " + created.account().id());
                System.out.println("TenantId: " + created.tenant().id());
                System.out.println("UserId: " + created.mainUser().id());
                System.out.println("AccessKeyId: " + created.key().accessKeyId());
                System.out.println("AccessKeySecret: " + created.key().accessKeySecret());
                return 0;
            }
        }

        @Command(name = "update", description = "Change an account's plan (edition) or billing switches.")
        static final class Update implements Callable<Integer> {
            @Option(names = "--id", required = true) long id;
            @Option(names = {"--plan", "--edition"}) String plan;
            @Option(names = "--pay-as-you-go", arity = "1") Boolean payAsYouGo;
            @Option(names = "--overdue", arity = "1") Boolean overdue;
            private final AccountAdmin admin;
            private final Accounts accounts;

            Update(AccountAdmin admin, Accounts accounts) {
                this.admin = admin;
                this.accounts = accounts;
            }

            @Override
            public Integer call() {
                Account current = accounts.account(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
                Account updated = admin.updateAccount(id, plan == null ? current.plan() : plan,
                        payAsYouGo == null ? current.payAsYouGo() : payAsYouGo, overdue == null ? current.overdue() : overdue);
                System.out.println("Account " + updated.id() + ": plan " + updated.plan()
                        + ", pay-as-you-go " + updated.payAsYouGo() + ", overdue " + updated.overdue());
                return 0;
            }
        }
    }

    @Command(name = "user", description = "Users: create, set policy, enable/disable.", mixinStandardHelpOptions = true,
            subcommands = {UserCommands.Create.class, UserCommands.SetPolicy.class})
    static final class UserCommands {

        @Command(name = "create", description = "Add a sub-user to an account and give it an AccessKey.")
        static final class Create implements Callable<Integer> {
            @Option(names = "--account", required = true) long account;
            @Option(names = "--name", required = true) String name;
            @Option(names = "--policy", defaultValue = "full", description = "full, read-only or none") String policy;
            private final AccountAdmin admin;

            Create(AccountAdmin admin) {
                this.admin = admin;
            }

            @Override
            public Integer call() {
                User user = admin.createUser(account, name, policies(policy));
                KeyPair key = admin.createAccessKey(user.id());
                System.out.println("UserId: " + user.id());
                System.out.println("AccessKeyId: " + key.accessKeyId());
                System.out.println("AccessKeySecret: " + key.accessKeySecret());
                return 0;
            }
        }

        @Command(name = "policy", description = "Replace the system policy of a user.")
        static final class SetPolicy implements Callable<Integer> {
            @Option(names = "--user", required = true) long user;
            @Option(names = "--policy", required = true, description = "full, read-only or none") String policy;
            private final AccountAdmin admin;

            SetPolicy(AccountAdmin admin) {
                this.admin = admin;
            }

            @Override
            public Integer call() {
                admin.setPolicies(user, policies(policy));
                System.out.println("User " + user + " now has policy " + policy);
                return 0;
            }
        }
    }

    @Command(name = "key", description = "AccessKeys: create, list, enable, disable, delete.", mixinStandardHelpOptions = true)
    static final class KeyCommands {

        private final AccountAdmin admin;
        private final Accounts accounts;

        KeyCommands(AccountAdmin admin, Accounts accounts) {
            this.admin = admin;
            this.accounts = accounts;
        }

        @Command(name = "create", description = "Create an AccessKey for a user; the secret is printed once.")
        int create(@Option(names = "--user", required = true) long user) {
            KeyPair key = admin.createAccessKey(user);
            System.out.println("AccessKeyId: " + key.accessKeyId());
            System.out.println("AccessKeySecret: " + key.accessKeySecret());
            return 0;
        }

        @Command(name = "list", description = "List a user's AccessKeys (never their secrets).")
        int list(@Option(names = "--user", required = true) long user) {
            accounts.accessKeys(user).forEach(k -> System.out.println(k.id() + (k.enabled() ? " enabled" : " disabled")));
            return 0;
        }

        @Command(name = "enable", description = "Enable an AccessKey.")
        int enable(@Option(names = "--id", required = true) String id) {
            admin.setAccessKeyEnabled(id, true);
            System.out.println("AccessKey " + id + " enabled");
            return 0;
        }

        @Command(name = "disable", description = "Disable an AccessKey; calls signed with it are refused.")
        int disable(@Option(names = "--id", required = true) String id) {
            admin.setAccessKeyEnabled(id, false);
            System.out.println("AccessKey " + id + " disabled");
            return 0;
        }

        @Command(name = "delete", description = "Delete an AccessKey.")
        int delete(@Option(names = "--id", required = true) String id) {
            admin.deleteAccessKey(id);
            System.out.println("AccessKey " + id + " deleted");
            return 0;
        }
    }
}
