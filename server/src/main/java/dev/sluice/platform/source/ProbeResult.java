package dev.sluice.platform.source;

/** The outcome of one connectivity check: connected or not, and in words why not. */
public record ProbeResult(boolean connected, String message, long millis) {

    static ProbeResult ok(long millis) {
        return new ProbeResult(true, "connected", millis);
    }

    static ProbeResult failed(String why, long millis) {
        return new ProbeResult(false, why, millis);
    }
}
