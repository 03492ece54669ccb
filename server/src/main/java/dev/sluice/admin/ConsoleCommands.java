package dev.sluice.admin;

import dev.sluice.account.ConsoleLogins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./sluice admin console ...}: console sign-ins (passwords, operators). */
@Command(name = "console", description = "Console sign-ins: set a password, make an operator.", mixinStandardHelpOptions = true)
final class ConsoleCommands {

    private final ConsoleLogins logins;

    ConsoleCommands(ConsoleLogins logins) {
        this.logins = logins;
    }

    @Command(name = "password", description = "Set a user's console password. Without --password a random one is "
            + "printed once, and the user must change it at the first sign-in.")
    int password(@Option(names = "--user", required = true) long user,
                 @Option(names = "--password", description = "the password the user will keep (at least "
                         + ConsoleLogins.MIN_PASSWORD_LENGTH + " characters, not the user or account name, not a common password)") String password) {
        if (password == null) {
            String issued = logins.issuePassword(user);
            System.out.println("ConsoleUser: " + logins.loginNameOf(user));
            System.out.println("ConsolePassword: " + issued);
        } else {
            try {
                logins.setPassword(user, password);
            } catch (IllegalArgumentException refused) { // the rule it broke, without a stack trace
                System.err.println("Password refused: " + refused.getMessage());
                return 1;
            }
            System.out.println("ConsoleUser: " + logins.loginNameOf(user));
        }
        return 0;
    }

    @Command(name = "operator", description = "Make a user an operator (admin view of every account), or not.")
    int operator(@Option(names = "--user", required = true) long user,
                 @Option(names = "--on", arity = "1", defaultValue = "true") boolean on) {
        logins.setOperator(user, on);
        System.out.println("User " + user + (on ? " is now an operator" : " is no longer an operator"));
        return 0;
    }
}
