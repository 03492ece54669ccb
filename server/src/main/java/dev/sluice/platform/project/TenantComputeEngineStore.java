package dev.sluice.platform.project;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tenant-wide compute engine settings: one row per tenant, replaced on every update. */
@Component
class TenantComputeEngineStore {

    record Engine(String type, String version, List<String> clusterUrls, long modifiedBy) {
    }

    private final JdbcClient jdbc;

    TenantComputeEngineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(long tenantId, String type, String version, List<String> clusterUrls, long userId, long now) {
        jdbc.sql("delete from tenant_compute_engine where tenant_id = ?").params(tenantId).update();
        jdbc.sql("insert into tenant_compute_engine (tenant_id, engine_type, version, cluster_urls, modified_at, modified_by) values (?, ?, ?, ?, ?, ?)")
                .params(tenantId, type, version, String.join("\n", clusterUrls), now, userId).update();
    }

    /** The settings as stored, or empty when the tenant never set them. */
    java.util.Optional<Engine> find(long tenantId) {
        return jdbc.sql("select * from tenant_compute_engine where tenant_id = ?").params(tenantId)
                .query((rs, n) -> new Engine(rs.getString("engine_type"), rs.getString("version"),
                        List.of(rs.getString("cluster_urls").split("\n")), rs.getLong("modified_by")))
                .optional();
    }
}
