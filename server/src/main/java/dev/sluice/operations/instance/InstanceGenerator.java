package dev.sluice.operations.instance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.cronutils.model.time.ExecutionTime;

import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.batch.Schedules;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.ObjectVersion;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.RpcJson;

/**
 * Turns the schedule of each published periodic batch task (its custom interval, else its cron) into instances: one
 * per due time (in {@code sluice.zone}), its business date the run date minus one day. Idempotent (a unique key on node,
 * due time and flow), so any node may run it at any time; the recurring job runs it on one node every
 * {@code sluice.scheduler.generate-every} for the rest of today and all of tomorrow.
 */
@Component
public class InstanceGenerator {

    private static final Logger log = LoggerFactory.getLogger(InstanceGenerator.class);
    static final String KIND = "BATCH_TASK";
    /** A bound on one node's instances per pass, so a per-second cron cannot flood the table. */
    static final int MAX_PER_NODE = 5000;

    private final InstanceStore store;
    private final VersionedObjects objects;
    private final JdbcClient jdbc;
    private final DisplayTime time;
    private final Clock clock;

    InstanceGenerator(InstanceStore store, VersionedObjects objects, JdbcClient jdbc, DisplayTime time, Clock clock) {
        this.store = store;
        this.objects = objects;
        this.jdbc = jdbc;
        this.time = time;
        this.clock = clock;
    }

    /** What the recurring job does: from now to the end of tomorrow in the zone. */
    public int generateAhead() {
        ZoneId zone = time.zone();
        Instant now = clock.instant();
        Instant endOfTomorrow = LocalDate.ofInstant(now, zone).plusDays(2).atStartOfDay(zone).toInstant();
        return generate(now.minusMillis(1), endOfTomorrow);
    }

    /** Adds the instances of every published periodic task due after {@code from} up to {@code to} (inclusive). */
    public int generate(Instant from, Instant to) {
        List<Long> tenants = jdbc.sql("select distinct tenant_id from dev_object where kind = :kind and prod_version is not null")
                .param("kind", KIND).query(Long.class).list();
        int added = 0;
        for (long tenant : tenants) {
            for (DevObject object : objects.ofKind(tenant, KIND)) {
                if (!object.inProduction()) continue;
                Optional<ObjectVersion> version = objects.production(object);
                if (version.isEmpty()) continue;
                added += generate(object, version.get(), from, to);
            }
        }
        return added;
    }

    /** The instances of one published task in the window. */
    public int generate(DevObject object, ObjectVersion version, Instant from, Instant to) {
        BatchTask task = RpcJson.MAPPER.readValue(version.payload(), BatchTask.class);
        List<ZonedDateTime> times;
        try {
            times = dueTimes(task, from.atZone(time.zone()), to, MAX_PER_NODE);
        } catch (RuntimeException e) {
            log.warn("Node {}: its schedule cannot be read, no instance made: {}", object.nodeId(), e.getMessage());
            return 0;
        }
        int added = 0;
        long now = clock.millis();
        for (ZonedDateTime at : times) {
            if (store.insertIfAbsent(object.tenantId(), object.projectId(), object.id(), version.version(), "",
                    at.toInstant().toEpochMilli(), bizDate(at), null, now)) added++;
        }
        return added;
    }

    /**
     * The due times of a periodic task after {@code after} up to {@code to} (inclusive), at most {@code max}, in
     * {@code after}'s zone: its custom interval when it has one, else its Quartz cron as cron-utils reads it.
     */
    static List<ZonedDateTime> dueTimes(BatchTask task, ZonedDateTime after, Instant to, int max) {
        if (task.scheduleType() != BatchTask.PERIODIC) return List.of();
        Function<ZonedDateTime, Optional<ZonedDateTime>> next;
        if (task.customSchedule() != null) {
            BatchTask.CustomSchedule custom = task.customSchedule();
            next = at -> Optional.of(nextCustom(custom, at));
        } else if (task.cronExpression() != null) {
            ExecutionTime cron = ExecutionTime.forCron(Schedules.cron(task.cronExpression(), "CronExpression"));
            next = cron::nextExecution;
        } else {
            return List.of();
        }
        List<ZonedDateTime> times = new ArrayList<>();
        ZonedDateTime at = after;
        while (times.size() < max) {
            Optional<ZonedDateTime> due = next.apply(at);
            if (due.isEmpty() || due.get().toInstant().isAfter(to)) break;
            at = due.get();
            times.add(at);
        }
        return times;
    }

    /**
     * The first time of a custom interval after {@code after}: every day, from its start time every interval (minutes
     * or hours) up to its end time inclusive, as wall-clock times of the zone. A time that does not exist that day (a
     * daylight-saving gap) runs as the zone shifts it, once; a repeated one runs at its first occurrence.
     */
    static ZonedDateTime nextCustom(BatchTask.CustomSchedule custom, ZonedDateTime after) {
        LocalTime start = LocalTime.parse(custom.startTime());
        LocalTime end = LocalTime.parse(custom.endTime());
        long step = (long) custom.interval() * ("HOUR".equalsIgnoreCase(custom.intervalUnit()) ? 60 : 1);
        if (step < 1 || start.isAfter(end)) throw new IllegalArgumentException("custom interval " + custom + " has no time in a day");
        for (LocalDate day = after.toLocalDate().minusDays(1); ; day = day.plusDays(1)) {
            for (LocalTime t = start; !t.isAfter(end); ) {
                ZonedDateTime due = day.atTime(t).atZone(after.getZone());
                if (due.isAfter(after)) return due;
                LocalTime following = t.plusMinutes(step);
                if (!following.isAfter(t)) break; // past midnight: the day's window is over
                t = following;
            }
        }
    }

    /** The business date of a run at {@code runTime}: its date in the zone minus one day, {@code yyyy-MM-dd}. */
    static String bizDate(ZonedDateTime runTime) {
        return runTime.toLocalDate().minusDays(1).toString();
    }
}
