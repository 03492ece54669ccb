package dev.sluice.platform.source;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * Opens a real JDBC connection and asks the server to validate it. Each driver gets its own connect and socket
 * timeouts, and the attempt runs on a virtual thread under a hard deadline as well, because some drivers (H2's,
 * DuckDB's) have no login timeout of their own and a host that accepts TCP but never answers would hold the call.
 * {@code DriverManager.setLoginTimeout} is not used: it is global to the JVM, the server's own pool included.
 */
@Component
public class ConnectivityProbe {

    private static final int MAX_MESSAGE = 500;

    private final Duration timeout;

    ConnectivityProbe(SourceSettings settings) {
        this.timeout = settings.checkTimeout();
    }

    // Package-private: other code connects only through Connectivity, which checks and pins the URL's hosts first.
    ProbeResult check(JdbcTarget target) {
        return check(target, timeout);
    }

    ProbeResult check(JdbcTarget target, Duration deadline) {
        long started = System.nanoTime();
        CompletableFuture<ProbeResult> outcome = new CompletableFuture<>();
        Thread attempt = Thread.ofVirtual().name("connectivity-check").start(() -> {
            try {
                outcome.complete(connect(target, deadline, started));
            } catch (Throwable e) {
                outcome.complete(ProbeResult.failed(describe(e, target), elapsed(started)));
            }
        });
        try {
            return outcome.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.interrupt();
            return ProbeResult.failed("no answer within " + deadline.toMillis() + " ms", elapsed(started));
        } catch (InterruptedException e) {
            attempt.interrupt();
            Thread.currentThread().interrupt();
            return ProbeResult.failed("the check was interrupted", elapsed(started));
        } catch (ExecutionException e) {
            return ProbeResult.failed(describe(e.getCause(), target), elapsed(started));
        }
    }

    private static ProbeResult connect(JdbcTarget target, Duration deadline, long started) throws SQLException {
        Driver driver = DriverManager.getDriver(target.url());
        try (Connection connection = driver.connect(target.url(), DriverProperties.of(target, deadline))) {
            if (connection == null) return ProbeResult.failed("no driver accepts the URL", elapsed(started));
            int seconds = (int) Math.max(1, deadline.toSeconds());
            return connection.isValid(seconds) ? ProbeResult.ok(elapsed(started))
                    : ProbeResult.failed("the server accepted the connection but did not validate it", elapsed(started));
        }
    }

    /**
     * The reason in words: the driver's message cleaned by {@link FailureMessages} (one line, nothing read from a file)
     * with the password taken out, plus the network cause where useful.
     */
    static String describe(Throwable failure, JdbcTarget target) {
        String password = target.password();
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : FailureMessages.clean(target.reach(), failure.getMessage());
        if (root != failure) {
            String cause = switch (root) {
                case UnknownHostException u -> "unknown host " + u.getMessage();
                case ConnectException c -> "connection refused (" + c.getMessage() + ")";
                case SocketTimeoutException s -> "no answer in time (" + s.getMessage() + ")";
                default -> null;
            };
            if (cause != null && !message.contains(cause)) message = message + ": " + cause;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) message = message + " [SQLState " + sql.getSQLState() + "]";
        if (password != null && password.length() >= 3) message = message.replace(password, "******");
        message = message.replaceAll("\\s+", " ").trim();
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
