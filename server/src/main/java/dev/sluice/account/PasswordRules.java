package dev.sluice.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a console password must be, checked wherever one is chosen (the console's password page, {@code ./sluice admin
 * console password --password}): long enough, not the user's own names, and not one that guessing tools try first.
 * Issued passwords are random and skip these rules. Each refusal says which rule the password broke.
 */
final class PasswordRules {

    /** Long enough that a person does not pick "password1"; short enough to type. */
    static final int MIN_LENGTH = 10;

    /** Names shorter than this are not looked for inside a password: a user "al" would otherwise forbid "always…". */
    private static final int SHORTEST_NAME_CHECKED = 3;

    private static final Set<String> COMMON = load("/account/common-passwords.txt");

    private PasswordRules() {
    }

    /** Throws {@link IllegalArgumentException} with a message for the person choosing the password. */
    static void require(String password, String userName, String accountName) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MIN_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (contains(lower, userName)) {
            throw new IllegalArgumentException("A password must not contain the user name (" + userName + ").");
        }
        if (contains(lower, accountName)) {
            throw new IllegalArgumentException("A password must not contain the account name (" + accountName + ").");
        }
        if (COMMON.contains(lower)) {
            throw new IllegalArgumentException("That password is on the list of common passwords that attackers try first; choose another.");
        }
    }

    private static boolean contains(String lowerPassword, String name) {
        return name != null && name.length() >= SHORTEST_NAME_CHECKED && lowerPassword.contains(name.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordRules.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            Set<String> out = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> out.add(line.toLowerCase(Locale.ROOT)));
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
