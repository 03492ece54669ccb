package dev.sluice.operations.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.sluice.dispatch.RpcJson;
import dev.sluice.system.Inserts;
import tools.jackson.core.type.TypeReference;

/** The SQL of alert rules, events, notifications and send attempts; every answer to a caller names the tenant. */
@Repository
class AlertEventStore {

    private static final String RULE = "id, tenant_id, project_id, node_id, kind, timeout_minutes, finish_by, notify_owner, user_ids,"
            + " webhook_url, webhook_token, created_at";
    private static final String EVENT = "id, tenant_id, project_id, rule_id, unique_key, source_system, object_type, object_name, object_id,"
            + " reason_type, biz_date, instance_id, attempt, reason_params, receivers, status, total_times, first_alert_at, latest_alert_at";

    private final JdbcClient jdbc;

    AlertEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- rules ---

    long insertRule(AlertRules.Draft d, List<Long> users, long now) {
        var insert = jdbc.sql("insert into alert_rule (tenant_id, project_id, node_id, kind, timeout_minutes, finish_by, notify_owner, user_ids, webhook_url,"
                        + " created_at) values (:tenant, :project, :node, :kind, :minutes, :finishBy, :owner, :users, :url, :now)")
                .param("tenant", d.tenantId()).param("project", d.projectId()).param("node", d.nodeId()).param("kind", d.kind().name())
                .param("minutes", d.kind() == AlertRule.Kind.TIMEOUT ? d.timeoutMinutes() : null)
                .param("finishBy", d.kind() == AlertRule.Kind.UNFINISHED ? d.finishBy() : null).param("owner", d.notifyOwner())
                .param("users", users.isEmpty() ? null : users.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("url", d.webhookUrl()).param("now", now);
        return Inserts.newId(insert);
    }

    void setRuleToken(long id, String encrypted) {
        jdbc.sql("update alert_rule set webhook_token = :token where id = :id").param("token", encrypted).param("id", id).update();
    }

    Optional<AlertRule> rule(long tenantId, long id) {
        return jdbc.sql("select " + RULE + " from alert_rule where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).query(AlertEventStore::rule).optional();
    }

    List<AlertRule> rules(long tenantId) {
        return jdbc.sql("select " + RULE + " from alert_rule where tenant_id = :tenant order by id")
                .param("tenant", tenantId).query(AlertEventStore::rule).list();
    }

    /** Every rule of one kind, of every tenant: what the evaluator checks (rules are few). */
    List<AlertRule> rules(AlertRule.Kind kind) {
        return jdbc.sql("select " + RULE + " from alert_rule where kind = :kind order by id").param("kind", kind.name())
                .query(AlertEventStore::rule).list();
    }

    /** The stored (encrypted) webhook token of a rule, or null. */
    String ruleToken(long ruleId) {
        return jdbc.sql("select webhook_token from alert_rule where id = :id").param("id", ruleId).query(String.class).optional().orElse(null);
    }

    boolean deleteRule(long tenantId, long id) {
        return jdbc.sql("delete from alert_rule where tenant_id = :tenant and id = :id").param("tenant", tenantId).param("id", id).update() == 1;
    }

    private static AlertRule rule(ResultSet rs, int n) throws SQLException {
        String users = rs.getString("user_ids");
        return new AlertRule(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("project_id"), rs.getString("node_id"),
                AlertRule.Kind.valueOf(rs.getString("kind")), rs.getObject("timeout_minutes", Integer.class), rs.getString("finish_by"),
                rs.getBoolean("notify_owner"), users == null ? List.of() : Arrays.stream(users.split(",")).map(Long::valueOf).toList(),
                rs.getString("webhook_url"), rs.getString("webhook_token") != null, rs.getLong("created_at"));
    }

    // --- the scheduler's instances, read only ---

    /** An instance as the rules need it. */
    record Watched(long id, long tenantId, long projectId, long objectId, String bizDate, int attempt, String status, Long startedAt,
                   Long finishedAt, long dueAt, String errorMessage) {
    }

    private static final String WATCHED = "i.id, i.tenant_id, i.project_id, i.object_id, i.biz_date, i.attempt, i.status, i.started_at,"
            + " i.finished_at, i.due_at, i.error_message";

    /** Failed attempts that ended since {@code since}. */
    List<Watched> failedSince(long since) {
        return jdbc.sql("select " + WATCHED + " from sched_instance i where i.status = 'FAILED' and i.finished_at >= :since"
                        + " order by i.finished_at, i.id")
                .param("since", since).query(AlertEventStore::watched).list();
    }

    /**
     * The unique keys of the failure events raised since {@code since}: an event comes after the failure it is about,
     * so these are all the keys the failures of {@link #failedSince} can have taken (keys name the instance, whose id
     * is unique across tenants).
     */
    java.util.Set<String> failureKeysSince(long since) {
        return new java.util.HashSet<>(jdbc.sql("select unique_key from alert_event where reason_type = 'VDM_BATCH_ERROR' and first_alert_at >= :since")
                .param("since", since).query(String.class).list());
    }

    /** Attempts of a project (one node, when given) started before {@code startedBefore} and still waiting or running. */
    List<Watched> runningSince(long tenantId, long projectId, Long objectId, long startedBefore) {
        return jdbc.sql("select " + WATCHED + " from sched_instance i where i.tenant_id = :tenant and i.project_id = :project"
                        + (objectId == null ? "" : " and i.object_id = :object")
                        + " and i.status in ('WAIT_RESOURCE', 'RUNNING') and i.started_at <= :before order by i.id")
                .param("tenant", tenantId).param("project", projectId).param("before", startedBefore)
                .params(objectId == null ? java.util.Map.of() : java.util.Map.of("object", objectId))
                .query(AlertEventStore::watched).list();
    }

    /** Scheduled instances of a project (one node, when given) due in [from, to) that have not ended. */
    List<Watched> unfinishedDue(long tenantId, long projectId, Long objectId, long from, long to) {
        return jdbc.sql("select " + WATCHED + " from sched_instance i where i.tenant_id = :tenant and i.project_id = :project"
                        + (objectId == null ? "" : " and i.object_id = :object")
                        + " and i.flow_id = '' and i.due_at >= :from and i.due_at < :to and i.status not in ('SUCCESS', 'FAILED') order by i.id")
                .param("tenant", tenantId).param("project", projectId).param("from", from).param("to", to)
                .params(objectId == null ? java.util.Map.of() : java.util.Map.of("object", objectId))
                .query(AlertEventStore::watched).list();
    }

    private static Watched watched(ResultSet rs, int n) throws SQLException {
        return new Watched(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getLong(10), rs.getString(11));
    }

    // --- events ---

    /**
     * Records the event unless the tenant has one with its unique key; the id when this call recorded it, else -1. A
     * node racing another on the same key gets a {@link org.springframework.dao.DuplicateKeyException} from the unique
     * constraint, which the caller's transaction must not swallow (PostgreSQL aborts the transaction).
     */
    long insertEventIfAbsent(AlertEvent e) {
        var keys = new GeneratedKeyHolder();
        int added = jdbc.sql("insert into alert_event (tenant_id, project_id, rule_id, unique_key, source_system, object_type, object_name,"
                        + " object_id, reason_type, biz_date, instance_id, attempt, reason_params, receivers, status, total_times, first_alert_at,"
                        + " latest_alert_at) select :tenant, :project, :rule, :key, :source, :type, :name, :object, :reason, :biz, :instance,"
                        + " :attempt, :params, :receivers, :status, 1, :at, :at where not exists (select 1 from alert_event"
                        + " where tenant_id = :tenant and unique_key = :key)")
                .param("tenant", e.tenantId()).param("project", e.projectId()).param("rule", e.ruleId()).param("key", e.uniqueKey())
                .param("source", e.sourceSystem()).param("type", e.objectType()).param("name", cut(e.objectName(), 256))
                .param("object", e.objectId()).param("reason", e.reasonType()).param("biz", e.bizDate()).param("instance", e.instanceId())
                .param("attempt", e.attempt()).param("params", cut(RpcJson.MAPPER.writeValueAsString(e.reasonParams()), 4000))
                .param("receivers", RpcJson.MAPPER.writeValueAsString(e.receivers())).param("status", e.status())
                .param("at", e.firstAlertAt())
                .update(keys, "id");
        return added == 1 ? keys.getKey().longValue() : -1;
    }

    Optional<AlertEvent> event(long tenantId, long id) {
        return jdbc.sql("select " + EVENT + " from alert_event where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).query(AlertEventStore::event).optional();
    }

    Optional<AlertEvent> eventByKey(long tenantId, String key) {
        return jdbc.sql("select " + EVENT + " from alert_event where tenant_id = :tenant and unique_key = :key")
                .param("tenant", tenantId).param("key", key).query(AlertEventStore::event).optional();
    }

    /** The event is finished once none of its notifications is still being sent. */
    void finishIfDone(long eventId) {
        jdbc.sql("update alert_event set status = 'FINISH' where id = :id and status = 'ALERTING' and not exists"
                + " (select 1 from alert_notification where event_id = :id and status = 'SENDING')").param("id", eventId).update();
    }

    /** Filters of {@code ListAlertEvents}; null or empty means any. */
    /** @param visibleProjects the projects whose events the caller may see; null for every event of the tenant */
    record EventFilter(long tenantId, long from, long to, String sourceSystem, Collection<String> objectTypes, Collection<String> reasons,
                       Collection<Long> projectIds, String keyword, Collection<String> statuses, Collection<Long> ruleIds,
                       Collection<Long> visibleProjects) {
    }

    record Page<T>(long total, List<T> rows) {
    }

    Page<AlertEvent> events(EventFilter f, long offset, int size) {
        Where w = new Where(" where tenant_id = :tenant and first_alert_at >= :from and first_alert_at < :to")
                .with("tenant", f.tenantId()).with("from", f.from()).with("to", f.to());
        if (f.sourceSystem() != null) w.and(" and source_system = :source", "source", f.sourceSystem());
        if (f.objectTypes() != null) w.and(" and object_type in (:types)", "types", f.objectTypes());
        if (f.reasons() != null) w.and(" and reason_type in (:reasons)", "reasons", f.reasons());
        if (f.visibleProjects() != null) {
            if (f.visibleProjects().isEmpty()) return new Page<>(0, List.of());
            w.and(" and project_id in (:visible)", "visible", f.visibleProjects());
        }
        if (f.projectIds() != null) w.and(" and project_id in (:projects)", "projects", f.projectIds());
        if (f.keyword() != null) w.and(" and (lower(object_name) like :keyword or lower(unique_key) like :keyword)", "keyword", like(f.keyword()));
        if (f.statuses() != null) w.and(" and status in (:statuses)", "statuses", f.statuses());
        if (f.ruleIds() != null) w.and(" and rule_id in (:rules)", "rules", f.ruleIds());
        long total = w.bind(jdbc.sql("select count(*) from alert_event" + w.sql)).query(Long.class).single();
        List<AlertEvent> rows = w.bind(jdbc.sql("select " + EVENT + " from alert_event" + w.sql
                        + " order by first_alert_at desc, id desc limit :size offset :offset"))
                .param("size", size).param("offset", offset).query(AlertEventStore::event).list();
        return new Page<>(total, rows);
    }

    private static AlertEvent event(ResultSet rs, int n) throws SQLException {
        return new AlertEvent(rs.getLong("id"), rs.getLong("tenant_id"), rs.getObject("project_id", Long.class),
                rs.getObject("rule_id", Long.class), rs.getString("unique_key"), rs.getString("source_system"), rs.getString("object_type"),
                rs.getString("object_name"), rs.getString("object_id"), rs.getString("reason_type"), rs.getString("biz_date"),
                rs.getObject("instance_id", Long.class), rs.getObject("attempt", Integer.class),
                RpcJson.MAPPER.readValue(rs.getString("reason_params"), new TypeReference<List<AlertEvent.Param>>() { }),
                RpcJson.MAPPER.readValue(rs.getString("receivers"), new TypeReference<List<AlertEvent.Receiver>>() { }),
                rs.getString("status"), rs.getInt("total_times"), rs.getLong("first_alert_at"), rs.getLong("latest_alert_at"));
    }

    // --- notifications and their send attempts ---

    void insertNotification(long tenantId, long eventId, AlertEvent.Message m, String content, long now) {
        jdbc.sql("insert into alert_notification (tenant_id, event_id, channel, receiver_type, user_id, user_name, target, token, token_bound_to,"
                        + " content, status, attempts, next_attempt_at, created_at) values (:tenant, :event, :channel, :receiverType, :user,"
                        + " :userName, :target, :token, :bound, :content, 'SENDING', 0, :now, :now)")
                .param("tenant", tenantId).param("event", eventId).param("channel", m.channel()).param("receiverType", m.receiverType())
                .param("user", m.userId()).param("userName", cut(m.userName(), 128)).param("target", m.target()).param("token", m.token())
                .param("bound", m.tokenBoundTo()).param("content", cut(content, 4000)).param("now", now).update();
    }

    /** A notification to send, as claimed. */
    record Pending(long id, long tenantId, long eventId, String channel, String target, String token, String tokenBoundTo, String content,
                   int attempts) {
    }

    /**
     * Locks up to {@code limit} notifications due for an attempt that no other transaction holds; the locks last until
     * the caller's transaction ends, so each attempt is made by exactly one node.
     */
    List<Pending> claimDue(long now, int limit) {
        return jdbc.sql("select id, tenant_id, event_id, channel, target, token, token_bound_to, content, attempts from alert_notification"
                        + " where status = 'SENDING' and next_attempt_at <= :now order by next_attempt_at, id limit :limit for update skip locked")
                .param("now", now).param("limit", limit)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getInt(9))).list();
    }

    /** Records one attempt and where the notification stands after it. */
    void attempted(Pending p, int attempt, boolean sent, String failReason, String nextStatus, long nextAttemptAt, long now) {
        jdbc.sql("insert into alert_send (tenant_id, notification_id, attempt, status, fail_reason, sent_at) values (:tenant, :id, :attempt,"
                        + " :status, :reason, :now)")
                .param("tenant", p.tenantId()).param("id", p.id()).param("attempt", attempt).param("status", sent ? "SUCCESS" : "FAILE")
                .param("reason", cut(failReason, 1024)).param("now", now).update();
        jdbc.sql("update alert_notification set attempts = :attempt, status = :status, next_attempt_at = :next where id = :id")
                .param("attempt", attempt).param("status", nextStatus).param("next", nextAttemptAt).param("id", p.id()).update();
    }

    /** One send attempt with its notification and event, as {@code ListAlertNotifications} shows it. */
    record Sent(long eventId, String sourceSystem, String objectType, String objectName, String reasonType, String bizDate, String uniqueKey,
                List<AlertEvent.Param> reasonParams, String channel, String receiverType, String userName, String content, String status,
                String failReason, long sentAt) {
    }

    /** @param visibleProjects as in {@link EventFilter} */
    record SendFilter(long tenantId, long from, long to, String sourceSystem, Collection<String> reasons, Collection<String> channels,
                      String keyword, Collection<String> statuses, Collection<Long> userIds, Collection<Long> ruleIds,
                      Collection<Long> visibleProjects) {
    }

    Page<Sent> sends(SendFilter f, long offset, int size) {
        Where w = new Where(" from alert_send s join alert_notification n on n.id = s.notification_id join alert_event e on e.id = n.event_id"
                + " where s.tenant_id = :tenant and n.tenant_id = :tenant and e.tenant_id = :tenant and s.sent_at >= :from and s.sent_at < :to")
                .with("tenant", f.tenantId()).with("from", f.from()).with("to", f.to());
        if (f.visibleProjects() != null) {
            if (f.visibleProjects().isEmpty()) return new Page<>(0, List.of());
            w.and(" and e.project_id in (:visible)", "visible", f.visibleProjects());
        }
        if (f.sourceSystem() != null) w.and(" and e.source_system = :source", "source", f.sourceSystem());
        if (f.reasons() != null) w.and(" and e.reason_type in (:reasons)", "reasons", f.reasons());
        if (f.channels() != null) w.and(" and n.channel in (:channels)", "channels", f.channels());
        if (f.keyword() != null) w.and(" and (lower(e.object_name) like :keyword or lower(e.unique_key) like :keyword)", "keyword", like(f.keyword()));
        if (f.statuses() != null) w.and(" and s.status in (:statuses)", "statuses", f.statuses());
        if (f.userIds() != null) w.and(" and n.user_id in (:users)", "users", f.userIds());
        if (f.ruleIds() != null) w.and(" and e.rule_id in (:rules)", "rules", f.ruleIds());
        long total = w.bind(jdbc.sql("select count(*)" + w.sql)).query(Long.class).single();
        List<Sent> rows = w.bind(jdbc.sql("select e.id, e.source_system, e.object_type, e.object_name, e.reason_type, e.biz_date, e.unique_key,"
                        + " e.reason_params, n.channel, n.receiver_type, n.user_name, n.content, s.status, s.fail_reason, s.sent_at" + w.sql
                        + " order by s.sent_at desc, s.id desc limit :size offset :offset"))
                .param("size", size).param("offset", offset)
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), RpcJson.MAPPER.readValue(rs.getString(8), new TypeReference<List<AlertEvent.Param>>() { }),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        rs.getLong(15))).list();
        return new Page<>(total, rows);
    }

    /** A where clause and its bound values, built up filter by filter. */
    private static final class Where {
        private String sql;
        private final List<Object[]> params = new ArrayList<>();

        Where(String sql) {
            this.sql = sql;
        }

        Where with(String name, Object value) {
            params.add(new Object[]{name, value});
            return this;
        }

        void and(String clause, String name, Object value) {
            sql += clause;
            with(name, value);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            for (Object[] p : params) spec = spec.param((String) p[0], p[1]);
            return spec;
        }
    }

    private static String like(String keyword) {
        String escaped = keyword.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
