package dev.sluice.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.testsupport.TeaClient;

/**
 * The server as a person starts it: a separate process on an empty data directory. It must print a working key once,
 * reuse its data on the next start without printing a secret, and accept operator commands while it runs.
 */
class FirstStartTest {

    @TempDir
    Path dataDir;

    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void firstStartPrintsAWorkingKeyOnceAndLaterStartsReuseTheData() throws Exception {
        Printed first = startServer();
        assertThat(first.lines()).containsKeys("Endpoint", "TenantId", "AccessKeyId", "AccessKeySecret");
        assertThat(first.output()).contains("tea-openapi", "aliyun ");
        String secret = first.lines().get("AccessKeySecret");
        assertThat(first.output().split(java.util.regex.Pattern.quote(secret), -1)).as("the secret is printed exactly once").hasSize(2);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("master.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        int port = Integer.parseInt(first.lines().get("Endpoint").replaceAll(".*:", ""));
        String tenant = first.lines().get("TenantId");
        Map<String, Object> body = new TeaClient(port, first.lines().get("AccessKeyId"), secret)
                .call("GetMyTenants", Map.of("OpTenantId", tenant), Map.of());
        assertThat(body).containsEntry("Success", true);

        // An operator adds a key while the server runs; the server accepts it at once.
        Map<String, String> created = admin("key", "create", "--user", firstUserId(port, first)).lines();
        Map<String, Object> viaNewKey = new TeaClient(port, created.get("AccessKeyId"), created.get("AccessKeySecret"))
                .call("GetMyRoles", Map.of("OpTenantId", tenant), Map.of());
        assertThat(viaNewKey).containsEntry("Success", true);

        started.getFirst().destroy();
        started.getFirst().waitFor(30, TimeUnit.SECONDS);

        Printed second = startServer();
        assertThat(second.lines()).containsEntry("TenantId", tenant).doesNotContainKey("AccessKeySecret");
        assertThat(second.output()).doesNotContain(secret);
        int secondPort = Integer.parseInt(second.lines().get("Endpoint").replaceAll(".*:", ""));
        assertThat(new TeaClient(secondPort, first.lines().get("AccessKeyId"), secret)
                .call("GetMyTenants", Map.of("OpTenantId", tenant), Map.of())).containsEntry("Success", true);
    }

    /** The main user's id: GetMyTenants reports it as the tenant's owner. */
    private static String firstUserId(int port, Printed first) {
        Map<String, Object> tenants = new TeaClient(port, first.lines().get("AccessKeyId"), first.lines().get("AccessKeySecret"))
                .call("GetMyTenants", Map.of("OpTenantId", first.lines().get("TenantId")), Map.of());
        @SuppressWarnings("unchecked")
        var list = (List<Map<String, Object>>) tenants.get("TenantList");
        return (String) list.getFirst().get("OwnerId");
    }

    record Printed(Map<String, String> lines, String output) {
    }

    private Printed startServer() throws Exception {
        Process process = java(List.of("--server.port=0"), Map.of("SLUICE_DATA_DIR", dataDir.toString()));
        started.add(process);
        return readUntil(process, line -> line.startsWith("(The secret is shown") || line.startsWith("(Existing data reused"),
                Duration.ofSeconds(90));
    }

    private Printed admin(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        Process process = java(all, Map.of("SLUICE_DATA_DIR", dataDir.toString()));
        CompletableFuture<Printed> output = CompletableFuture.supplyAsync(() -> readAll(process));
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return output.get(10, TimeUnit.SECONDS);
    }

    private static Process java(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.sluice.SluiceApplication"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Printed readUntil(Process process, java.util.function.Predicate<String> last, Duration timeout) throws Exception {
        CompletableFuture<Printed> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            StringBuilder all = new StringBuilder();
            Map<String, String> facts = new HashMap<>();
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    all.append(line).append('\n');
                    collect(line, facts);
                    if (last.test(line)) {
                        done.complete(new Printed(facts, all.toString()));
                        reader.transferTo(java.io.Writer.nullWriter());
                        return;
                    }
                }
                done.completeExceptionally(new AssertionError("server ended before it was ready:\n" + all));
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(timeout.toSeconds(), TimeUnit.SECONDS);
    }

    private static Printed readAll(Process process) {
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> facts = new HashMap<>();
            output.lines().forEach(line -> collect(line, facts));
            return new Printed(facts, output);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void collect(String line, Map<String, String> facts) {
        var match = java.util.regex.Pattern.compile("^(Endpoint|TenantId|AccessKeyId|AccessKeySecret|UserId|AccountId): (\\S+)$").matcher(line);
        if (match.matches()) facts.put(match.group(1), match.group(2));
    }
}
