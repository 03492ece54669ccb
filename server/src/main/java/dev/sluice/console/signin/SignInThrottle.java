package dev.sluice.console.signin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed console sign-ins per login name and per source address. Once a key reaches its limit it is locked for
 * {@code firstLock}; every later attempt admitted after a lock ends locks it again for twice as long, up to
 * {@code longestLock}. A locked attempt is refused at once (no thread sleeps, no password is hashed). A successful
 * sign-in clears its name's count and takes back its own count from the address, so a user signing in does not help an
 * attacker on the same address, nor does the attacker's own account.
 * <p>
 * An attempt is counted when it is admitted, before the password is checked, and given back if it succeeds: a burst of
 * parallel guesses (virtual threads admit them all at once) cannot slip past the limit while their hashes run.
 * <p>
 * Counts live in this node only, bounded in number and forgotten after an hour without attempts. In a cluster behind a
 * balancer an attacker gets at most this many tries per node; that is still a few guesses an hour per node, so the
 * shared database is not written on every failed sign-in.
 */
final class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_KEYS = 100_000;
    private static final int LONGEST_LOGGED_NAME = 100;

    /** {@code failures} counts admitted attempts not given back; {@code lockedUntil} is epoch millis. */
    private record Tally(int failures, long lockedUntil) {
    }

    /** An admitted attempt, to be reported back as {@link #succeeded} or {@link #failed}. */
    record Attempt(String name, String address) {
    }

    private final SignInLimits limits;
    private final Clock clock;
    private final Cache<String, Tally> byName = cache();
    private final Cache<String, Tally> byAddress = cache();

    SignInThrottle(SignInLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Admits and counts an attempt, or says how long the name or the address must wait. */
    Attempt admit(String typedName, String remoteAddress) {
        Attempt attempt = new Attempt(nameKey(typedName), addressKey(remoteAddress));
        long now = clock.millis();
        long addressLock = count(byAddress, attempt.address(), limits.failuresPerAddress(), now);
        if (addressLock > now) throw new SignInLocked(Duration.ofMillis(addressLock - now));
        long nameLock = count(byName, attempt.name(), limits.failuresPerUser(), now);
        if (nameLock > now) {
            giveBack(byAddress, attempt.address(), limits.failuresPerAddress());
            throw new SignInLocked(Duration.ofMillis(nameLock - now));
        }
        return attempt;
    }

    void succeeded(Attempt attempt) {
        byName.invalidate(attempt.name());
        giveBack(byAddress, attempt.address(), limits.failuresPerAddress());
    }

    void failed(Attempt attempt) {
        long now = clock.millis();
        Tally name = byName.getIfPresent(attempt.name());
        Tally address = byAddress.getIfPresent(attempt.address());
        int nameFailures = name == null ? 0 : name.failures();
        int addressFailures = address == null ? 0 : address.failures();
        long until = Math.max(name == null ? 0 : name.lockedUntil(), address == null ? 0 : address.lockedUntil());
        if (until > now) {
            log.warn("Console sign-in failed for '{}' from {} ({} failures for the name, {} from the address); "
                            + "sign-in refused for {} s", printable(attempt.name()), attempt.address(), nameFailures,
                    addressFailures, Duration.ofMillis(until - now).toSeconds());
        } else {
            log.warn("Console sign-in failed for '{}' from {} ({} failures for the name, {} from the address)",
                    printable(attempt.name()), attempt.address(), nameFailures, addressFailures);
        }
    }

    /**
     * Adds one attempt unless the key is locked; returns the lock the key is under afterwards if this attempt was
     * refused by it, else 0. Reaching the limit locks the key from now, and the attempt that reached it still runs.
     */
    private long count(Cache<String, Tally> tallies, String key, int limit, long now) {
        long[] refusedUntil = {0};
        tallies.asMap().compute(key, (k, tally) -> {
            Tally current = tally == null ? new Tally(0, 0) : tally;
            if (current.lockedUntil() > now) {
                refusedUntil[0] = current.lockedUntil();
                return current;
            }
            int failures = current.failures() + 1;
            long lockedUntil = failures >= limit ? now + lockMillis(failures - limit) : 0;
            return new Tally(failures, lockedUntil);
        });
        return refusedUntil[0];
    }

    /** Takes back an admitted attempt's count; a lock it alone caused is lifted with it. */
    private void giveBack(Cache<String, Tally> tallies, String key, int limit) {
        tallies.asMap().computeIfPresent(key, (k, tally) -> {
            int failures = Math.max(0, tally.failures() - 1);
            if (failures == 0) return null;
            return new Tally(failures, failures < limit ? 0 : tally.lockedUntil());
        });
    }

    /** firstLock, doubled for every attempt beyond the limit, at most longestLock. */
    private long lockMillis(int beyondLimit) {
        long first = limits.firstLock().toMillis();
        long longest = limits.longestLock().toMillis();
        if (beyondLimit >= 40) return longest;
        return Math.min(longest, first << beyondLimit);
    }

    private static Cache<String, Tally> cache() {
        return Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(Duration.ofHours(1)).build();
    }

    /** Names are compared as the store compares them after trimming, but without case: "Admin" counts as "admin". */
    private static String nameKey(String typed) {
        String name = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return name.length() > 256 ? name.substring(0, 256) : name;
    }

    /** IPv6 callers are counted by their /64: one host usually holds a whole /64 and could rotate through it. */
    static String addressKey(String remote) {
        if (remote == null || remote.isBlank()) return "unknown";
        if (!remote.contains(":")) return remote;
        try {
            byte[] bytes = InetAddress.getByName(remote).getAddress(); // an IPv6 literal: parsed, never looked up
            if (bytes.length != 16) return remote;
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException notALiteral) {
            return remote;
        }
    }

    /** The name as typed is the caller's text: no line breaks or control characters reach the log, and not too much of it. */
    private static String printable(String name) {
        String shortened = name.length() > LONGEST_LOGGED_NAME ? name.substring(0, LONGEST_LOGGED_NAME) + "…" : name;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
