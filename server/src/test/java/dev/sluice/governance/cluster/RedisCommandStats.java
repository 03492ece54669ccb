package dev.sluice.governance.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.lettuce.core.api.sync.RedisCommands;

/** Calls per command from {@code INFO commandstats}; Redis counts commands run inside scripts there too. */
final class RedisCommandStats {

    /** Commands Sluice's scripts run inside Redis, as opposed to those its client sends (EVALSHA, and SET for nonces). */
    private static final Set<String> IN_SCRIPTS = Set.of("hmget", "hset", "hget", "hincrby", "pexpire", "exists", "get", "time");

    private RedisCommandStats() {
    }

    static Map<String, Long> read(RedisCommands<String, String> redis) {
        Map<String, Long> calls = new HashMap<>();
        for (String line : redis.info("commandstats").split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) continue;
            String name = line.substring("cmdstat_".length(), line.indexOf(':'));
            String value = line.replaceAll("^[^:]*:calls=(\\d+),.*", "$1");
            calls.put(name, Long.parseLong(value));
        }
        return calls;
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((name, calls) -> {
            long grew = calls - before.getOrDefault(name, 0L);
            if (grew > 0) delta.put(name, grew);
        });
        return delta;
    }

    static boolean clientIssued(String command) {
        return !IN_SCRIPTS.contains(command);
    }
}
