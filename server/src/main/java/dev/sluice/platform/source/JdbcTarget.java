package dev.sluice.platform.source;

/**
 * Where and as whom to connect for a check. {@code url} is the one handed to the driver (already checked by
 * {@link JdbcUrlRules}). The password never appears in {@link #toString()}, so a target can be logged.
 */
public record JdbcTarget(Reach reach, String url, String user, String password) {

    @Override
    public String toString() {
        return "JdbcTarget[" + reach + " " + url + (user == null ? "" : " as " + user) + "]";
    }
}
