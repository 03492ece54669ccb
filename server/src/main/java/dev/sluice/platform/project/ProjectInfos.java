package dev.sluice.platform.project;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.TenantUsers;

/** The {@code ProjectInfo} both project reads answer with (they differ only in how they write times). */
@Component
class ProjectInfos {

    record ProjectInfo(Long bizUnitId, String bizUnitDisplayName, Long computeSourceId, String computeSourceName, String description,
                       String displayName, String env, String gmtCreate, String gmtModified, long id, String mode, String name,
                       String nameSpaceTag, String owner, String ownerName, Long streamComputeSourceId, String streamComputeSourceName,
                       String type, List<WhiteList> whiteLists) {
    }

    record WhiteList(String ip, String port, String description) {
        static WhiteList of(WhiteListStore.Entry e) {
            return new WhiteList(e.ip(), e.port(), e.description());
        }
    }

    private final WhiteListStore whiteLists;
    private final TenantUsers users;
    private final Optional<ComputeSourceDirectory> computeSources;
    private final DisplayTime time;

    ProjectInfos(WhiteListStore whiteLists, TenantUsers users, Optional<ComputeSourceDirectory> computeSources, DisplayTime time) {
        this.whiteLists = whiteLists;
        this.users = users;
        this.computeSources = computeSources;
        this.time = time;
    }

    /** @param epochTimes times as epoch milliseconds (GetProject) rather than {@code yyyy-MM-dd HH:mm:ss} (GetProjectByName) */
    ProjectInfo of(Caller caller, Project p, Env env, boolean epochTimes) {
        Long cs = p.computeSourceFor(env);
        return new ProjectInfo(p.bizUnitId(), null, cs, computeSourceName(p.tenantId(), cs), p.description(), p.displayName(), env.name(),
                epochTimes ? String.valueOf(p.createdAt()) : time.format(p.createdAt()),
                epochTimes ? String.valueOf(p.modifiedAt()) : time.format(p.modifiedAt()),
                p.id(), p.mode().name(), p.name(), p.namespaceTag(), String.valueOf(p.ownerUserId()),
                users.byId(caller, List.of(p.ownerUserId())).values().stream().map(u -> u.displayName()).findFirst().orElse(null), p.streamComputeSourceId(),
                computeSourceName(p.tenantId(), p.streamComputeSourceId()), p.type(),
                whiteLists.of(p.id()).stream().map(WhiteList::of).toList());
    }

    String computeSourceName(long tenantId, Long id) {
        return id == null ? null : computeSources.flatMap(d -> d.name(tenantId, id)).orElse(null);
    }
}
