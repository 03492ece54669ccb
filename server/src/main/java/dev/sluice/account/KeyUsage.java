package dev.sluice.account;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.sluice.account.internal.AccountStore;

/**
 * When each AccessKey was last used for an admitted call. Noted in memory on the call path (one map write) and
 * written to the database every few seconds, so "last used" costs calls no database write of their own; what a
 * person sees may lag by that interval.
 */
@Component
public class KeyUsage implements DisposableBean {

    static final Duration FLUSH_EVERY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(KeyUsage.class);

    private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();
    private final AccountStore store;
    private final Thread flusher;

    KeyUsage(AccountStore store) {
        this.store = store;
        this.flusher = Thread.ofVirtual().name("sluice-key-usage").start(this::flushPeriodically);
    }

    public void used(String accessKeyId, long at) {
        pending.merge(accessKeyId, at, Math::max);
    }

    /** Writes what was noted since the last flush; safe to call at any time. */
    public void flush() {
        for (Map.Entry<String, Long> entry : pending.entrySet()) {
            if (pending.remove(entry.getKey(), entry.getValue())) store.touchAccessKey(entry.getKey(), entry.getValue());
        }
    }

    private void flushPeriodically() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(FLUSH_EVERY);
                flush();
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException failed) { // the database is away: keep the notes, try again next round
                log.warn("could not record AccessKey use: {}", failed.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        flusher.interrupt();
        try {
            flush();
        } catch (RuntimeException failed) {
            log.warn("could not record AccessKey use at shutdown: {}", failed.getMessage());
        }
    }
}
