package dev.sluice.platform.transfer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.sluice.platform.OwnedObjects;

/**
 * A module stand-in for transfer tests: owns what a test gives a user, and fails to move the objects a test marks,
 * until it clears the mark. Keyed by user id, so it owns nothing of any other test's users.
 */
@Component
class ScriptedOwnedObjects implements OwnedObjects {

    static final Map<Long, List<String>> OWNED = new ConcurrentHashMap<>();
    static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    static final Map<String, Long> MOVED_TO = new ConcurrentHashMap<>();

    @Override
    public String objectType() {
        return "TEST_OBJECT";
    }

    @Override
    public List<OwnedObject> ownedBy(long tenantId, long userId) {
        return OWNED.getOrDefault(userId, List.of()).stream().map(id -> new OwnedObject("TEST_OBJECT", id, "object " + id)).toList();
    }

    @Override
    public void transfer(long tenantId, OwnedObject object, long newOwnerUserId) {
        if (FAILING.contains(object.id())) throw new IllegalStateException("object " + object.id() + " is locked");
        MOVED_TO.put(object.id(), newOwnerUserId);
    }
}
