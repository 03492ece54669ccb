package dev.sluice.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a separate JVM on a data directory, started the way a person starts it, and read the way a script
 * reads it: the "Name: value" lines it prints on start.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern FACT = Pattern.compile("^(Endpoint|TenantId|AccessKeyId|AccessKeySecret|UserId|AccountId|Console|ConsoleUser|ConsolePassword|ProjectId): (\\S+)$");

    public record Printed(Map<String, String> facts, String output) {

        public int port() {
            return Integer.parseInt(facts.get("Endpoint").replaceAll(".*:", ""));
        }
    }

    /** Cluster tests run three servers side by side on a two-core machine. */
    private static final List<String> SMALL_HEAP = List.of("-Xmx384m");

    private final Process process;
    private final Printed printed;

    private ServerProcess(Process process, Printed printed) {
        this.process = process;
        this.printed = printed;
    }

    /** Starts the server on a free port and waits until it has printed its first-start facts. */
    public static ServerProcess start(Path dataDir, String... args) throws Exception {
        return start(dataDir, Map.of(), args);
    }

    /** As {@link #start(Path, String...)}, with extra environment (e.g. {@code SLUICE_DB_URL}, {@code SLUICE_REDIS_URL}). */
    public static ServerProcess start(Path dataDir, Map<String, String> env, String... args) throws Exception {
        return start(dataDir, env, SMALL_HEAP, args);
    }

    /** As {@link #start(Path, Map, String...)}, with the JVM's own options (e.g. its heap). */
    public static ServerProcess start(Path dataDir, Map<String, String> env, List<String> jvmOptions, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--server.port=0"));
        all.addAll(List.of(args));
        Process process = java(jvmOptions, all, dataDir, env);
        try {
            return new ServerProcess(process, readUntilReady(process, Duration.ofSeconds(150)));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Runs {@code ./sluice admin ...} against the data directory and returns what it printed. */
    public static Printed admin(Path dataDir, String... args) throws Exception {
        return admin(dataDir, Map.of(), args);
    }

    public static Printed admin(Path dataDir, Map<String, String> env, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        Process process = java(SMALL_HEAP, all, dataDir, env);
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                output.complete(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.completeExceptionally(e);
            }
        });
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("admin command did not finish within 150 s: " + String.join(" ", args));
        }
        String text = output.get(10, TimeUnit.SECONDS);
        if (process.exitValue() != 0) throw new AssertionError("admin command failed:\n" + text);
        Map<String, String> facts = new HashMap<>();
        text.lines().forEach(line -> collect(line, facts));
        return new Printed(facts, text);
    }

    public Printed printed() {
        return printed;
    }

    public int port() {
        return printed.port();
    }

    /** SIGKILL: no shutdown hook, no flush, as a power cut or an OOM killer would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: a graceful stop. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }

    /** The process id, for tests that report which node they killed. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    private static Process java(List<String> jvmOptions, List<String> args, Path dataDir, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.sluice.SluiceApplication"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SLUICE_DATA_DIR", dataDir.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Printed readUntilReady(Process process, Duration timeout) throws Exception {
        CompletableFuture<Printed> ready = new CompletableFuture<>();
        StringBuffer all = new StringBuffer(); // read on timeout by the waiting thread, so a synchronized buffer
        // A platform thread: blocking reads of a pipe pin a virtual thread's carrier, and a few servers' output
        // drains would pin every carrier of a two-core machine.
        Thread.ofPlatform().daemon().start(() -> {
            Map<String, String> facts = new HashMap<>();
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    all.append(line).append('\n');
                    collect(line, facts);
                    if (line.startsWith("(The secret is shown") || line.startsWith("(Existing data reused")) {
                        ready.complete(new Printed(Map.copyOf(facts), all.toString()));
                        reader.transferTo(java.io.Writer.nullWriter()); // keep draining so the server never blocks on stdout
                        return;
                    }
                }
                ready.completeExceptionally(new AssertionError("server ended before it was ready:\n" + all));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        });
        try {
            return ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // Say what the server printed until then: a start that hangs is otherwise a bare TimeoutException.
            String printed = all.toString();
            throw new AssertionError("not ready within " + timeout.toSeconds() + " s; it printed:\n"
                    + printed.substring(Math.max(0, printed.length() - 6000)), e);
        }
    }

    private static void collect(String line, Map<String, String> facts) {
        Matcher match = FACT.matcher(line);
        if (match.matches()) facts.put(match.group(1), match.group(2));
    }
}
