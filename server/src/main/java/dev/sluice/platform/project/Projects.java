package dev.sluice.platform.project;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.account.User;
import dev.sluice.protocol.PopErrors;

/**
 * The projects of a tenant as other features and the operator see them. Creating one is the operator's
 * ({@code ./sluice admin project create}): the API has no operation for it.
 */
@Service
public class Projects {

    private static final String NAME = "[A-Za-z][A-Za-z0-9_]{0,63}";
    private static final Set<String> TYPES = Set.of("GENERAL", "DISTILL");
    private static final Set<String> TAGS = Set.of("GENERAL", "PUBLIC", "APPLICATION", "BASE");

    private final ProjectStore store;
    private final ProjectMembers members;
    private final TenantDirectory tenants;
    private final Optional<ComputeSourceDirectory> computeSources; // absent only in a server built without compute sources
    private final Clock clock;
    private final TransactionTemplate transaction;

    Projects(ProjectStore store, ProjectMembers members, TenantDirectory tenants, Optional<ComputeSourceDirectory> computeSources, Clock clock,
             TransactionTemplate transaction) {
        this.transaction = transaction;
        this.store = store;
        this.members = members;
        this.tenants = tenants;
        this.computeSources = computeSources;
        this.clock = clock;
    }

    public Optional<Project> find(long tenantId, long projectId) {
        return store.find(tenantId, projectId);
    }

    /** The project, or {@code EntityNotExist} (also for another tenant's id: its existence is not revealed). */
    public Project require(long tenantId, long projectId) {
        return store.find(tenantId, projectId).orElseThrow(() -> PopErrors.notFound("project", projectId).exception());
    }

    public Optional<Project> byName(long tenantId, String name) {
        return store.byName(tenantId, name);
    }

    /** The project that uses a compute source, in whichever environment. */
    public Optional<Project> usingComputeSource(long tenantId, long computeSourceId) {
        return store.usingComputeSource(tenantId, computeSourceId).stream().findFirst();
    }

    public List<Project> all(long tenantId) {
        return store.all(tenantId);
    }

    /**
     * Creates a project; its owner becomes its administrator in every environment. Throws
     * {@link IllegalArgumentException} with the reason when the draft is not acceptable.
     */
    public Project create(ProjectDraft draft) {
        tenants.tenant(draft.tenantId()).orElseThrow(() -> new IllegalArgumentException("no tenant " + draft.tenantId()));
        if (draft.name() == null || !draft.name().matches(NAME)) {
            throw new IllegalArgumentException("a project name starts with a letter and has at most 64 letters, digits or underscores; got '" + draft.name() + "'");
        }
        if (store.byName(draft.tenantId(), draft.name()).isPresent()) {
            throw new IllegalArgumentException("tenant " + draft.tenantId() + " has a project named '" + draft.name() + "' already");
        }
        String type = choice(draft.type(), "GENERAL", TYPES, "type");
        String tag = choice(draft.namespaceTag(), "GENERAL", TAGS, "namespace tag");
        ProjectMode mode = draft.mode() == null ? ProjectMode.BASIC : draft.mode();
        if (mode == ProjectMode.BASIC && draft.devComputeSourceId() != null) {
            throw new IllegalArgumentException("a BASIC project has one environment; a development compute source needs mode DEV_PROD");
        }
        User owner = requireUser(draft.tenantId(), draft.ownerUserId(), "owner");
        long produce = draft.produceUserId() == null ? draft.ownerUserId() : draft.produceUserId();
        requireUser(draft.tenantId(), produce, "produce user");
        Set<Long> bound = new HashSet<>();
        for (Long cs : new Long[] {draft.computeSourceId(), draft.devComputeSourceId(), draft.streamComputeSourceId()}) {
            if (cs != null) requireFreeComputeSource(draft.tenantId(), cs, bound);
        }
        String display = draft.displayName() == null || draft.displayName().isBlank() ? draft.name() : draft.displayName().trim();
        ProjectDraft normalized = new ProjectDraft(draft.tenantId(), draft.name(), display, draft.description(), mode, type, tag,
                draft.bizUnitId(), draft.ownerUserId(), produce, draft.computeSourceId(), draft.devComputeSourceId(), draft.streamComputeSourceId());
        return transaction.execute(status -> {
            Project project = store.find(draft.tenantId(), store.insert(normalized, clock.millis())).orElseThrow();
            members.addOwner(project, owner.displayName());
            return project;
        });
    }

    private User requireUser(long tenantId, long userId, String what) {
        return tenants.user(tenantId, userId).orElseThrow(() -> new IllegalArgumentException("the " + what + " " + userId + " is no user of tenant " + tenantId));
    }

    private void requireFreeComputeSource(long tenantId, long computeSourceId, Set<Long> bound) {
        String name = computeSources.flatMap(d -> d.name(tenantId, computeSourceId))
                .orElseThrow(() -> new IllegalArgumentException("tenant " + tenantId + " has no compute source " + computeSourceId));
        Optional<Project> user = usingComputeSource(tenantId, computeSourceId);
        if (user.isPresent() || !bound.add(computeSourceId)) {
            throw new IllegalArgumentException("the compute source '" + name + "' (" + computeSourceId + ") is bound to "
                    + user.map(p -> "project '" + p.name() + "'").orElse("another environment of this project") + " already");
        }
    }

    private static String choice(String given, String fallback, Set<String> allowed, String what) {
        if (given == null || given.isBlank()) return fallback;
        String upper = given.trim().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(upper)) throw new IllegalArgumentException("unknown " + what + " '" + given + "'; one of " + allowed);
        return upper;
    }
}
