package dev.sluice.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server process of the test's own, on a free port, that the test may stop and start again (the machine's
 * shared Redis is never restarted). Uses the installed binary where there is one, else the one shipped in the
 * embedded-redis artifact. It keeps nothing on disk: a restart comes back empty, as a crashed cache would.
 */
public final class OwnRedis implements AutoCloseable {

    private static final Path INSTALLED = Path.of("/usr/bin/redis-server");

    private final Path binary;
    private final int port;
    private Process process;

    private OwnRedis(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    public static OwnRedis start() throws Exception {
        OwnRedis redis = new OwnRedis(binary(), freePort());
        redis.startProcess();
        return redis;
    }

    /** The shared Redis that CI announces (SLUICE_TEST_REDIS_URL), or, without one, an own server. */
    public static String sharedUrlOr(OwnRedis[] started) throws Exception {
        String url = System.getenv("SLUICE_TEST_REDIS_URL");
        if (url != null && !url.isBlank()) return url;
        started[0] = start();
        return started[0].url();
    }

    /** Removes every key under {@code prefix} from the Redis at {@code url} (SCAN, not KEYS: it may be shared). */
    public static void deleteKeys(String url, String prefix) {
        var client = io.lettuce.core.RedisClient.create(url);
        try (var connection = client.connect()) {
            var commands = connection.sync();
            var cursor = commands.scan(io.lettuce.core.ScanArgs.Builder.matches(prefix + "*").limit(1000));
            while (true) {
                if (!cursor.getKeys().isEmpty()) commands.del(cursor.getKeys().toArray(String[]::new));
                if (cursor.isFinished()) break;
                cursor = commands.scan(cursor, io.lettuce.core.ScanArgs.Builder.matches(prefix + "*").limit(1000));
            }
        } finally {
            client.shutdown();
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public void restart() throws Exception {
        stop();
        startProcess();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void startProcess() throws Exception {
        process = new ProcessBuilder(List.of(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "no"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    private static Path binary() throws IOException {
        if (Files.isExecutable(INSTALLED)) return INSTALLED;
        Path extracted = Path.of(System.getProperty("java.io.tmpdir"), "sluice-redis-server-6.2.6");
        if (!Files.isExecutable(extracted)) {
            try (InputStream in = OwnRedis.class.getResourceAsStream("/redis-server-6.2.6-v5-linux-amd64")) {
                if (in == null) throw new IllegalStateException("no redis-server installed and none in embedded-redis");
                Files.copy(in, extracted, StandardCopyOption.REPLACE_EXISTING);
            }
            extracted.toFile().setExecutable(true);
        }
        return extracted;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
