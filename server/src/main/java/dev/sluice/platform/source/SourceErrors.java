package dev.sluice.platform.source;

import dev.sluice.protocol.PopError;

/** The error codes of compute and data sources' connectivity checks; the generic ones are in {@code PopErrors}. */
public final class SourceErrors {

    private SourceErrors() {
    }

    public static PopError connectivityFailed(String what, String reason) {
        return new PopError("ConnectivityCheckFailed", 400, "The connectivity check of " + what + " failed: " + reason);
    }

    /** A tenant already runs as many connectivity checks as one tenant may at once; refused at once, not queued. */
    public static PopError checksThrottled(int running, int limit) {
        return new PopError("Throttling.ConnectivityCheck", 429, running + " connectivity checks of this tenant are running; at most "
                + limit + " may run at once.", "Retry when a running check has finished.");
    }
}
