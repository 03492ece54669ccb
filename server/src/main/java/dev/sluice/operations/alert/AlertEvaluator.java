package dev.sluice.operations.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.develop.batch.TaskType;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.Projects;

/**
 * Checks the scheduler's instances against the rules: failed attempts (the rules of their node, or the default rule),
 * attempts running past a rule's minutes, and instances not finished by a rule's time of day. It reads the instance
 * table, which every node's dispatcher writes, so it needs no hook in the scheduler and sees what any node moved; it
 * may run on several nodes at once (each occurrence is still recorded once, see {@link AlertEvents}).
 */
@Component
class AlertEvaluator {

    private final AlertEventStore store;
    private final AlertEvents events;
    private final VersionedObjects objects;
    private final Projects projects;
    private final AlertNotifySettings settings;
    private final ZoneId zone;
    private final Clock clock;

    AlertEvaluator(AlertEventStore store, AlertEvents events, VersionedObjects objects, Projects projects, AlertNotifySettings settings,
                   DisplayTime time, Clock clock) {
        this.store = store;
        this.events = events;
        this.objects = objects;
        this.projects = projects;
        this.settings = settings;
        this.zone = time.zone();
        this.clock = clock;
    }

    /** One round over every rule; the number of events this call recorded. */
    int evaluate() {
        long now = clock.millis();
        int raised = failures(now);
        for (AlertRule rule : store.rules(AlertRule.Kind.TIMEOUT)) {
            long startedBefore = now - rule.timeoutMinutes() * 60_000L;
            for (AlertEventStore.Watched i : store.runningSince(rule.tenantId(), rule.projectId(), objectOf(rule), startedBefore)) {
                if (raise(rule, AlertRule.Kind.TIMEOUT, i, now, "running for more than " + rule.timeoutMinutes() + " minutes")) raised++;
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        long startOfDay = today.atStartOfDay(zone).toInstant().toEpochMilli();
        for (AlertRule rule : store.rules(AlertRule.Kind.UNFINISHED)) {
            long deadline = today.atTime(AlertRules.finishBy(rule.finishBy())).atZone(zone).toInstant().toEpochMilli();
            if (now < deadline) continue;
            for (AlertEventStore.Watched i : store.unfinishedDue(rule.tenantId(), rule.projectId(), objectOf(rule), startOfDay, deadline)) {
                if (raise(rule, AlertRule.Kind.UNFINISHED, i, now, "not finished by " + rule.finishBy())) raised++;
            }
        }
        return raised;
    }

    private int failures(long now) {
        List<AlertRule> rules = store.rules(AlertRule.Kind.FAILURE);
        long since = now - settings.lookback().toMillis();
        // Keys recorded already are skipped here, without a write: a failure stays in the lookback for a day and is
        // seen by every round; the insert-if-absent is what decides a race.
        Set<String> recorded = store.failureKeysSince(since);
        int raised = 0;
        for (AlertEventStore.Watched i : store.failedSince(since)) {
            String node = DevObject.nodeId(i.objectId());
            List<AlertRule> covering = rules.stream()
                    .filter(r -> r.tenantId() == i.tenantId() && r.projectId() == i.projectId() && r.covers(node)).toList();
            String why = "failed" + (i.errorMessage() == null ? "" : ": " + i.errorMessage());
            if (covering.isEmpty() && settings.failureDefault() && !recorded.contains(key(null, AlertRule.Kind.FAILURE, i))
                    && raise(null, AlertRule.Kind.FAILURE, i, now, why)) {
                raised++;
            }
            for (AlertRule rule : covering) {
                if (!recorded.contains(key(rule, AlertRule.Kind.FAILURE, i)) && raise(rule, AlertRule.Kind.FAILURE, i, now, why)) raised++;
            }
        }
        return raised;
    }

    private static Long objectOf(AlertRule rule) {
        return rule.nodeId() == null ? null : Long.parseLong(rule.nodeId().substring(2));
    }

    /** Records the event of {@code rule} (null: the default failure rule, which e-mails the owner) for the instance. */
    private boolean raise(AlertRule rule, AlertRule.Kind kind, AlertEventStore.Watched i, long now, String why) {
        Optional<DevObject> object = objects.find(i.tenantId(), i.objectId());
        String name = object.map(DevObject::name).orElse(DevObject.nodeId(i.objectId()));
        String project = projects.find(i.tenantId(), i.projectId()).map(Project::name).orElse(String.valueOf(i.projectId()));
        Long owner = object.map(DevObject::ownerId).orElse(null);
        String key = key(rule, kind, i);
        List<AlertEvent.Param> params = new ArrayList<>(List.of(new AlertEvent.Param("biz_date", i.bizDate()),
                new AlertEvent.Param("instance_id", "t_" + i.id()), new AlertEvent.Param("node_id", DevObject.nodeId(i.objectId())),
                new AlertEvent.Param("project", project), new AlertEvent.Param("attempt", String.valueOf(i.attempt())),
                new AlertEvent.Param("status", i.status())));
        if (rule != null && kind == AlertRule.Kind.TIMEOUT) params.add(new AlertEvent.Param("timeout_minutes", String.valueOf(rule.timeoutMinutes())));
        if (rule != null && kind == AlertRule.Kind.UNFINISHED) params.add(new AlertEvent.Param("finish_by", rule.finishBy()));
        if (kind == AlertRule.Kind.FAILURE && i.errorMessage() != null) params.add(new AlertEvent.Param("error", i.errorMessage()));
        AlertEvent event = new AlertEvent(0, i.tenantId(), i.projectId(), rule == null ? null : rule.id(), key, "VDM_BATCH",
                objectType(object), name, DevObject.nodeId(i.objectId()), kind.reason, i.bizDate(), i.id(), i.attempt(), params, List.of(),
                null, 1, now, now);
        AlertEvents.Audience audience = rule == null ? AlertEvents.Audience.owner(owner)
                : new AlertEvents.Audience(rule.notifyOwner() ? owner : null, rule.userIds(), rule.webhookUrl(),
                rule.hasWebhookToken() ? store.ruleToken(rule.id()) : null, AlertRules.tokenBinding(rule.id()));
        String content = "[Sluice] " + kind.reason + ": node " + name + " (" + DevObject.nodeId(i.objectId()) + ") of project " + project
                + ", instance t_" + i.id() + ", business date " + i.bizDate() + ": " + why;
        return events.raise(event, audience, content, now).isPresent();
    }

    /** The unique key: which rule, which instance and, but for UNFINISHED (one per instance), which attempt. */
    private static String key(AlertRule rule, AlertRule.Kind kind, AlertEventStore.Watched i) {
        return (rule == null ? "default" : rule.key()) + "_" + kind.name().toLowerCase(Locale.ROOT) + "_t_" + i.id()
                + (kind == AlertRule.Kind.UNFINISHED ? "" : "_" + i.attempt());
    }

    /** The contract's object type of a batch node: VDM_BATCH_ and its task type, as far as it is known. */
    private static String objectType(Optional<DevObject> object) {
        Optional<TaskType> type = object.map(DevObject::subtype).filter(s -> s != null && s.matches("[0-9]{1,9}"))
                .flatMap(s -> TaskType.of(Integer.parseInt(s)));
        return type.map(t -> "VDM_BATCH_" + t.name()).orElse("VDM_BATCH");
    }
}
