package dev.sluice.governance;

import java.util.Map;

import dev.sluice.protocol.PopError;

/**
 * The answer of one admission step: pass, or deny with the error the caller will see. Headers (rate-limit state, for
 * instance) travel with either answer; turning them into HTTP is the gateway's business, not the step's.
 */
public record Verdict(PopError error, Map<String, String> headers) {

    private static final Verdict PASS = new Verdict(null, Map.of());

    public static Verdict pass() {
        return PASS;
    }

    public static Verdict pass(Map<String, String> headers) {
        return new Verdict(null, Map.copyOf(headers));
    }

    public static Verdict deny(PopError error) {
        return new Verdict(error, Map.of());
    }

    public static Verdict deny(PopError error, Map<String, String> headers) {
        return new Verdict(error, Map.copyOf(headers));
    }

    public boolean passed() {
        return error == null;
    }
}
