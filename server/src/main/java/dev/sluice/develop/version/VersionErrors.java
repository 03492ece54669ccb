package dev.sluice.develop.version;

import dev.sluice.protocol.PopError;

/** Refusals of the object store's own: a change its kind's guard keeps out of production. */
public final class VersionErrors {

    public static final String PUBLISH_REFUSED = "OperationDenied.PublishRefused";

    private VersionErrors() {
    }

    static PopError publishRefused(String name, String reason) {
        return new PopError(PUBLISH_REFUSED, 400, "'" + name + "' cannot be published: " + reason + ".");
    }
}
