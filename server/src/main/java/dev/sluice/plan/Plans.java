package dev.sluice.plan;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.catalog.Edition;

/** The configured plans by name (lower case), built once at startup from {@link PlanSettings}. */
@Component
public class Plans {

    private final Map<String, Plan> byName;
    private final ZoneId zone;

    Plans(PlanSettings settings) {
        var problems = settings.inconsistencies();
        if (!problems.isEmpty()) throw new IllegalStateException("invalid plans: " + String.join("; ", problems));
        Map<String, Plan> plans = new LinkedHashMap<>();
        settings.plans().forEach((name, p) -> {
            String key = name.toLowerCase(Locale.ROOT);
            Edition edition = editionOf(key, p.edition());
            var q = p.qps() == null ? new PlanSettings.QpsProperties(null, null, null, null, null, null) : p.qps();
            var d = p.daily() == null ? new PlanSettings.DailyProperties(null, null, null, null, null) : p.daily();
            plans.put(key, new Plan(key, edition,
                    new Plan.Qps(q.total(), q.level1(), q.level2(), q.level3(), q.read(), q.write()),
                    new Plan.Daily(d.total(), d.level12(), d.level3(), d.read(), d.write()),
                    p.monthlyFree(), p.payAsYouGo(), p.pricePer10k() == null ? BigDecimal.ZERO : p.pricePer10k()));
        });
        this.byName = Map.copyOf(plans);
        this.zone = settings.zone();
    }

    private static Edition editionOf(String planName, String configured) {
        String name = configured != null ? configured : planName;
        try {
            return Edition.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("plan '" + planName + "' needs an edition (personal, agile, basic or intelligent), not '" + name + "'");
        }
    }

    public Optional<Plan> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The plan of an account; an account whose plan was removed from configuration is a startup-time mistake. */
    public Plan of(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("no plan '" + name + "' is configured; known: " + byName.keySet()));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** The zone calendar days and months are counted in. */
    public ZoneId zone() {
        return zone;
    }
}
