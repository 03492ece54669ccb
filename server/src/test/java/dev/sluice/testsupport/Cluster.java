package dev.sluice.testsupport;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * N server processes sharing one PostgreSQL database and one Redis, started together as an operator would start
 * them (the same command and environment on each, so they race for the first-start bootstrap), with a master key in
 * common.
 */
public final class Cluster implements AutoCloseable {

    /** A test account: its id, tenant and one AccessKey. */
    public record TestAccount(long id, String tenant, String keyId, String secret) {
    }

    private final Path dir;
    private final Map<String, String> env;
    private final List<String> args;
    private final List<ServerProcess> nodes = new ArrayList<>();

    private Cluster(Path dir, Map<String, String> env, List<String> args) {
        this.dir = dir;
        this.env = env;
        this.args = args;
    }

    /**
     * @param plansJson plans in {@code SPRING_APPLICATION_JSON} form, e.g. {@code {"sluice":{"plans":{...}}}}, so both
     *                  servers and admin commands know them
     */
    public static Cluster start(int size, Path dir, String dbUrl, String redisUrl, String plansJson, String... args)
            throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = new HashMap<>(Map.of("SLUICE_DB_URL", dbUrl, "SLUICE_REDIS_URL", redisUrl,
                "SLUICE_MASTER_KEY", Base64.getEncoder().encodeToString(key), "SPRING_APPLICATION_JSON", plansJson));
        for (String arg : args) { // admin commands take no arguments of the server's, but they must use the same keys
            if (arg.startsWith("--sluice.cluster.key-prefix=")) env.put("SLUICE_CLUSTER_KEYPREFIX", arg.substring(arg.indexOf('=') + 1));
        }
        Cluster cluster = new Cluster(dir, env, List.of(args));
        try (var starter = Executors.newFixedThreadPool(size)) {
            List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int node = i;
                starting.add(CompletableFuture.supplyAsync(() -> cluster.startNode(node), starter));
            }
            RuntimeException failed = null;
            for (CompletableFuture<ServerProcess> node : starting) {
                // Every started node joins the list, also after another failed, so close() stops them all: a node left
                // running would load the machine for every later test.
                try {
                    cluster.nodes.add(node.join());
                } catch (RuntimeException e) {
                    if (failed == null) failed = e;
                }
            }
            if (failed != null) {
                cluster.close();
                throw failed;
            }
        }
        return cluster;
    }

    public List<ServerProcess> nodes() {
        return nodes;
    }

    public ServerProcess node(int i) {
        return nodes.get(i);
    }

    /** One client per node, for the same key: a load driver spreads calls across them. */
    public List<RawClient> clients(TestAccount account) {
        return nodes.stream().map(node -> new RawClient(node.port(), account.keyId(), account.secret())).toList();
    }

    /** Creates an account through {@code ./sluice admin}, which works on the shared database like any node. */
    public TestAccount createAccount(String name, String plan) throws Exception {
        var printed = ServerProcess.admin(dir.resolve("admin"), env, "account", "create", "--name", name, "--plan", plan,
                "--region", "cn-hangzhou", "--user", "owner").facts();
        return new TestAccount(Long.parseLong(printed.get("AccountId")), printed.get("TenantId"), printed.get("AccessKeyId"),
                printed.get("AccessKeySecret"));
    }

    @Override
    public void close() throws InterruptedException {
        for (ServerProcess node : nodes) node.close();
    }

    private ServerProcess startNode(int i) {
        try {
            return ServerProcess.start(dir.resolve("node-" + i), env, args.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("node " + i + " did not start", e);
        }
    }
}
