package dev.sluice.governance.cluster;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.sluice.catalog.OperationType;
import dev.sluice.governance.Admission;
import dev.sluice.governance.AdmissionCounters;
import dev.sluice.governance.Demand;
import dev.sluice.governance.Limit;
import dev.sluice.governance.LimitState;
import dev.sluice.governance.PlanLimits;

/**
 * The counters of a cluster, on Redis: one script call (admit.lua) checks a call's QPS buckets, daily caps and monthly
 * quota and takes from all of them or none, in one round trip, on the Redis server's clock; calls of the same account
 * arriving together share that round trip ({@link AdmissionBatches}). This class
 * only builds keys and arguments and turns the reply into an {@link Admission}, the same one {@code AccountWindow}
 * gives in embedded mode. Redis failures are thrown ({@code RedisException}); what to do then is {@link RedisOutage}'s.
 */
final class RedisCounters implements AdmissionCounters {

    private final RedisScripts scripts;
    private final AdmissionBatches batches;
    private final ClusterKeys keys;
    private final LedgerRebuild rebuild;
    private final ZoneId zone;
    private final boolean callTimeIsNow;

    /**
     * @param callTimeIsNow pass each call's own time as the script's clock instead of Redis's: for tests that move a
     *                      clock, never in production, where nodes' clocks may differ
     */
    RedisCounters(RedisScripts scripts, ClusterKeys keys, LedgerRebuild rebuild, ZoneId zone, boolean callTimeIsNow) {
        this(scripts, new AdmissionBatches(scripts, 64), keys, rebuild, zone, callTimeIsNow);
    }

    RedisCounters(RedisScripts scripts, AdmissionBatches batches, ClusterKeys keys, LedgerRebuild rebuild, ZoneId zone,
                  boolean callTimeIsNow) {
        this.scripts = scripts;
        this.batches = batches;
        this.keys = keys;
        this.rebuild = rebuild;
        this.zone = zone;
        this.callTimeIsNow = callTimeIsNow;
    }

    @Override
    public Admission admit(Demand demand) {
        List<Limit> qps = PlanLimits.qps(demand.plan(), demand.level(), demand.type());
        List<Limit> daily = PlanLimits.daily(demand.plan(), demand.level(), demand.type());
        String qpsKey = keys.qps(demand.accountId(), demand.region());
        String usageKey = keys.usage(demand.accountId(), demand.region());
        String nonceKey = demand.nonce() == null ? null : keys.nonce(demand.nonce());
        String[] args = arguments(demand, qps, daily);
        List<Object> reply = batches.admit(qpsKey, usageKey, nonceKey, args);
        if (number(reply, 0) == -1) {
            // Counts missing: rebuild them from the ledger (or say how long until that is safe), then ask once more.
            Admission unavailable = rebuild.rebuild(demand, usageKey, number(reply, 1), number(reply, 2), now(demand));
            if (unavailable != null) return unavailable;
            reply = batches.admit(qpsKey, usageKey, nonceKey, args);
            if (number(reply, 0) == -1) return Admission.unavailable("the usage counters are being rebuilt.", 1000);
        }
        if (number(reply, 0) == -2) return Admission.replayed();
        Admission admission = number(reply, 0) == 0 ? refused(reply, demand, qps, daily) : admitted(reply, demand, qps, daily);
        return demand.nonce() == null ? admission : admission.nonceFirstUse();
    }

    @Override
    public void giveBack(Demand demand, Admission admission) {
        String[] receipt = admission.receipt() == null ? new String[0] : admission.receipt().split(":", -1);
        if (receipt.length != 3) return;
        List<Limit> qps = PlanLimits.qps(demand.plan(), demand.level(), demand.type());
        List<String> args = new ArrayList<>(List.of(receipt[0], receipt[1], receipt[2], String.valueOf(demand.level()),
                type(demand.type()), String.valueOf(qps.size())));
        for (Limit limit : qps) {
            args.add(field(limit));
            args.add(String.valueOf(limit.quota()));
        }
        String[] accountKeys = {keys.qps(demand.accountId(), demand.region()), keys.usage(demand.accountId(), demand.region())};
        scripts.giveBack(accountKeys, args.toArray(String[]::new));
    }

    /** The call's block of admit.lua's arguments (after the number of calls). */
    private String[] arguments(Demand demand, List<Limit> qps, List<Limit> daily) {
        List<String> args = new ArrayList<>(16);
        args.add(now(demand));
        args.add(String.valueOf(zone.getRules().getOffset(demand.at()).getTotalSeconds()));
        args.add(String.valueOf(demand.level()));
        args.add(type(demand.type()));
        args.add(demand.mayBill() ? "1" : "0");
        args.add(String.valueOf(demand.plan().monthlyFree()));
        args.add(String.valueOf(qps.size()));
        for (Limit limit : qps) {
            args.add(field(limit));
            args.add(String.valueOf(limit.quota()));
        }
        args.add(String.valueOf(daily.size()));
        for (Limit limit : daily) {
            args.add(switch (limit.scope()) {
                case "all levels" -> "t";
                case "levels 1 and 2" -> "12";
                case "level 3" -> "3";
                case "read" -> "r";
                case "write" -> "w";
                default -> throw new IllegalStateException("unknown daily scope " + limit.scope());
            });
            args.add(String.valueOf(limit.quota()));
        }
        args.add(demand.nonce() == null ? "" : String.valueOf(demand.nonce().remember().toMillis()));
        return args.toArray(String[]::new);
    }

    private String now(Demand demand) {
        if (!callTimeIsNow) return "";
        return String.valueOf(demand.at().getEpochSecond() * 1_000_000L + demand.at().getNano() / 1_000);
    }

    private static Admission refused(List<Object> reply, Demand demand, List<Limit> qps, List<Limit> daily) {
        int index = (int) number(reply, 1) - 1;
        long retry = number(reply, 2);
        long untilTomorrow = number(reply, 3);
        long untilNextMonth = number(reply, 4);
        if (index < qps.size()) {
            return Admission.refused(qps.get(index), retry, new LimitState(qps.get(index), 0, 1, 1));
        }
        if (index < qps.size() + daily.size()) {
            Limit limit = daily.get(index - qps.size());
            return Admission.refused(limit, untilTomorrow, new LimitState(limit, 0, 86_400, seconds(untilTomorrow)));
        }
        Limit monthly = PlanLimits.monthly(demand.plan());
        return Admission.refused(monthly, untilNextMonth, new LimitState(monthly, 0, number(reply, 5), seconds(untilNextMonth)));
    }

    private static Admission admitted(List<Object> reply, Demand demand, List<Limit> qps, List<Limit> daily) {
        boolean billable = number(reply, 1) == 1;
        String receipt = reply.get(4) + ":" + number(reply, 2) + ":" + number(reply, 3);
        long untilTomorrow = number(reply, 5);
        long untilNextMonth = number(reply, 6);
        List<LimitState> states = new ArrayList<>();
        int at = 9;
        for (Limit limit : qps) states.add(new LimitState(limit, number(reply, at++), 1, 1));
        for (Limit limit : daily) {
            states.add(new LimitState(limit, Math.max(0, limit.quota() - number(reply, at++)), 86_400, seconds(untilTomorrow)));
        }
        if (!billable) {
            Limit monthly = PlanLimits.monthly(demand.plan());
            states.add(new LimitState(monthly, Math.max(0, monthly.quota() - number(reply, 8)), number(reply, 7),
                    seconds(untilNextMonth)));
        }
        LimitState nearest = states.stream().min(Comparator.comparingDouble(LimitState::headroom)).orElse(null);
        return Admission.admitted(billable, nearest, receipt);
    }

    /** The bucket's field: the quota is part of it, so a plan change takes effect with a fresh bucket (as embedded). */
    private static String field(Limit limit) {
        return limit.id() + "/" + limit.quota();
    }

    private static String type(OperationType type) {
        return type == OperationType.READ ? "r" : "w";
    }

    private static long number(List<Object> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
