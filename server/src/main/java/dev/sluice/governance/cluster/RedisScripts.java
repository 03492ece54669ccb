package dev.sluice.governance.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;

/**
 * The Lua scripts, run by digest (EVALSHA). A restarted Redis has forgotten its scripts; the first NOSCRIPT reply is
 * answered by sending the script itself (EVAL), which caches it again, so nothing has to be loaded at start-up and a
 * node may start while Redis is still down.
 */
final class RedisScripts {

    private record Script(String text, String sha) {
    }

    private final RedisLink redis;
    private final Script admit = load("admit.lua");
    private final Script giveBack = load("give_back.lua");
    private final Script seed = load("seed.lua");
    private final Script settle = load("settle.lua");

    RedisScripts(RedisLink redis) {
        this.redis = redis;
    }

    /** admit.lua: one reply (a list) per call, in the order of the calls. */
    List<Object> admit(String[] keys, String[] args) {
        return run(admit, ScriptOutputType.MULTI, keys, args);
    }

    void giveBack(String[] keys, String[] args) {
        run(giveBack, ScriptOutputType.INTEGER, keys, args);
    }

    long seed(String usageKey, String[] args) {
        return run(seed, ScriptOutputType.INTEGER, new String[] {usageKey}, args);
    }

    /** 0 when lost counts may be rebuilt now, else the milliseconds to wait. */
    long settle(String[] keys, String[] args) {
        return run(settle, ScriptOutputType.INTEGER, keys, args);
    }

    private <T> T run(Script script, ScriptOutputType type, String[] keys, String[] args) {
        try {
            return redis.commands().evalsha(script.sha(), type, keys, args);
        } catch (RedisNoScriptException forgotten) {
            return redis.commands().eval(script.text(), type, keys, args);
        }
    }

    private static Script load(String name) {
        try (InputStream in = RedisScripts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("script " + name + " is missing from the classpath");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return new Script(text, HexFormat.of().formatHex(digest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
