package dev.sluice.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Refusals of calls whose sender is not proven: an unknown or disabled AccessKey, a wrong signature, a timestamp out
 * of the window, a replayed nonce, a key over its nonce budget, a security token. Anyone can name someone else's
 * AccessKeyId, and anyone who captured a request can replay it, so these calls are never recorded against the
 * account the key belongs to. They are counted by the address they came from instead: in the metric
 * {@code sluice_refusals_unauthenticated_total{code}}, and in a WARN line per address at most once a
 * {@link #LOG_EVERY}, with that address's count so far and the AccessKeyId it named.
 *
 * <p>Addresses are kept in a bounded table (the most recently refused {@link #MAX_ADDRESSES}), so a sweep from many
 * addresses costs a fixed amount of memory; an address pushed out starts its count again.
 */
@Component
class UnauthenticatedRefusals {

    private static final Logger log = LoggerFactory.getLogger(UnauthenticatedRefusals.class);
    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;

    /** One address's refusals: in all while it is in the table, and since its last log line. */
    static final class Tally {
        long total;
        long sinceLogged;
        long loggedAt;
    }

    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Counter> byCode = new ConcurrentHashMap<>();
    private final Map<String, Tally> byAddress = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tally> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    UnauthenticatedRefusals(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.registry = registry;
    }

    /** Counts one refusal; {@code accessKeyId} is what the request named (unverified, maybe absent). */
    void refused(String address, String code, String accessKeyId) {
        byCode.computeIfAbsent(code, c -> Counter.builder("sluice.refusals.unauthenticated")
                .description("Calls refused before their sender was proven, not recorded against any account")
                .tag("code", c).register(registry)).increment();
        long now = clock.millis();
        long total;
        long recent;
        synchronized (byAddress) {
            Tally tally = byAddress.computeIfAbsent(address, a -> new Tally());
            tally.total++;
            tally.sinceLogged++;
            if (tally.total > 1 && now - tally.loggedAt < LOG_EVERY.toMillis()) return;
            tally.loggedAt = now;
            total = tally.total;
            recent = tally.sinceLogged;
            tally.sinceLogged = 0;
        }
        log.warn("unauthenticated calls refused from {}: {} since the last report, {} in all (last: {} naming AccessKey {})",
                address, recent, total, code, printable(accessKeyId));
    }

    /** The refusals counted for an address while it is in the table. */
    long refusedFrom(String address) {
        synchronized (byAddress) {
            Tally tally = byAddress.get(address);
            return tally == null ? 0 : tally.total;
        }
    }

    /** What the caller sent, made safe for one log line: at most 64 printable ASCII characters. */
    private static String printable(String text) {
        if (text == null) return "-";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 64; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x21 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
