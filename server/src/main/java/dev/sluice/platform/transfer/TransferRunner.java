package dev.sluice.platform.transfer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.platform.OwnedObjects;
import dev.sluice.platform.OwnedObjects.OwnedObject;
import dev.sluice.platform.transfer.TransferStore.Item;
import dev.sluice.platform.transfer.TransferStore.Status;
import dev.sluice.platform.transfer.TransferStore.Transfer;
import dev.sluice.protocol.PopException;

/**
 * Does one transfer: first lists what the old owner owns in every module (one item per object), then moves the items
 * still pending, each in its own transaction together with its new status. Running it again after a crash therefore
 * carries on where it stopped and never moves an object twice. A module that cannot list its objects leaves one failed
 * item for its whole kind ({@code object_id = "*"}), which a retry lists again.
 */
@Component
class TransferRunner {

    static final String WHOLE_KIND = "*";
    private static final Logger log = LoggerFactory.getLogger(TransferRunner.class);

    private final TransferStore store;
    private final Map<String, OwnedObjects> modules = new LinkedHashMap<>();
    private final TransactionTemplate transaction;
    private final Clock clock;

    TransferRunner(TransferStore store, List<OwnedObjects> modules, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        modules.forEach(module -> this.modules.put(module.objectType(), module));
        this.transaction = transaction;
        this.clock = clock;
    }

    void run(long transferId) {
        Transfer transfer = store.find(transferId).orElse(null);
        if (transfer == null || transfer.status() != Status.PENDING && transfer.status() != Status.RUNNING) return;
        if (transfer.status() == Status.PENDING) {
            transaction.executeWithoutResult(status -> {
                modules.values().forEach(module -> collect(transfer, module));
                store.setStatus(transfer.id(), Status.RUNNING, transfer.modifiedBy(), clock.millis());
            });
        }
        for (Item item : store.items(transfer.id())) {
            if (item.status() == Status.PENDING) move(transfer, item);
        }
        boolean failed = store.items(transfer.id()).stream().anyMatch(item -> item.status() == Status.FAILED);
        store.setStatus(transfer.id(), failed ? Status.FAILED : Status.SUCCESS, transfer.modifiedBy(), clock.millis());
    }

    private void collect(Transfer transfer, OwnedObjects module) {
        try {
            for (OwnedObject object : module.ownedBy(transfer.tenantId(), transfer.oldOwner())) {
                store.insertItem(transfer.id(), module.objectType(), object.id(), object.name(), Status.PENDING, null);
            }
        } catch (RuntimeException e) {
            log.warn("Transfer {}: listing {} failed", transfer.id(), module.objectType(), e);
            store.insertItem(transfer.id(), module.objectType(), WHOLE_KIND, null, Status.FAILED, "could not list: " + reason(e));
        }
    }

    private void move(Transfer transfer, Item item) {
        OwnedObjects module = modules.get(item.objectType());
        try {
            transaction.executeWithoutResult(status -> {
                if (module == null) throw new IllegalStateException("no module of this server moves " + item.objectType());
                if (WHOLE_KIND.equals(item.objectId())) {
                    store.deleteItem(transfer.id(), item.objectType(), WHOLE_KIND);
                    collect(transfer, module); // a retry of a kind that could not be listed: list it now
                    return;
                }
                module.transfer(transfer.tenantId(), new OwnedObject(item.objectType(), item.objectId(), item.objectName()),
                        transfer.newOwner());
                store.markItem(transfer.id(), item.objectType(), item.objectId(), Status.SUCCESS, null);
            });
        } catch (RuntimeException e) {
            log.info("Transfer {}: {} {} failed: {}", transfer.id(), item.objectType(), item.objectId(), reason(e));
            store.markItem(transfer.id(), item.objectType(), item.objectId(), Status.FAILED, reason(e));
        }
        if (WHOLE_KIND.equals(item.objectId())) {
            store.items(transfer.id()).stream()
                    .filter(i -> i.objectType().equals(item.objectType()) && i.status() == Status.PENDING)
                    .forEach(i -> move(transfer, i));
        }
    }

    private static String reason(RuntimeException e) {
        String message = e instanceof PopException pop ? pop.error().message() : e.getMessage();
        if (message == null) message = e.getClass().getSimpleName();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
