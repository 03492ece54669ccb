package dev.sluice.platform.permissionrecord;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.sluice.platform.PermissionChanged;

/**
 * Keeps every {@link PermissionChanged} as a permission record. The listener is synchronous on purpose: it runs in the
 * publisher's transaction, so a grant and its record commit or roll back together, and no record is lost when the
 * server stops right after a grant (an asynchronous listener would need an event publication registry for that).
 */
@Component
class PermissionRecords {

    private final PermissionRecordStore store;

    PermissionRecords(PermissionRecordStore store) {
        this.store = store;
    }

    @EventListener
    void on(PermissionChanged event) {
        store.log(event);
        if (event.change() == PermissionChanged.Change.GRANT) store.grant(event);
        else store.revoke(event);
    }
}
