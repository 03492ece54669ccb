package dev.sluice.plan;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The plans table as configured under {@code sluice.plans.<name>} (defaults in {@code plans/<plan-set>.yml}), and
 * the zone days and months are counted in. Validated at startup: an impossible plan stops the server.
 */
@Validated
@ConfigurationProperties("sluice")
public record PlanSettings(@NotNull ZoneId zone, @NotEmpty Map<String, @Valid PlanProperties> plans) {

    public record PlanProperties(String edition, @Valid QpsProperties qps, @Valid DailyProperties daily,
                                 @Min(0) long monthlyFree, boolean payAsYouGo,
                                 @DecimalMin("0") BigDecimal pricePer10k) {
    }

    public record QpsProperties(@Min(1) Integer total, @Min(1) Integer level1, @Min(1) Integer level2, @Min(1) Integer level3,
                                @Min(1) Integer read, @Min(1) Integer write) {
    }

    public record DailyProperties(@Min(0) Long total, @Min(0) Long level12, @Min(0) Long level3, @Min(0) Long read,
                                  @Min(0) Long write) {
    }

    /** Problems a validator annotation cannot see: limits keyed both by level and by type, an unknown edition. */
    List<String> inconsistencies() {
        List<String> problems = new ArrayList<>();
        plans.forEach((name, plan) -> {
            QpsProperties qps = plan.qps();
            DailyProperties daily = plan.daily();
            boolean byLevel = qps != null && (qps.level1() != null || qps.level2() != null || qps.level3() != null)
                    || daily != null && (daily.level12() != null || daily.level3() != null);
            boolean byType = qps != null && (qps.read() != null || qps.write() != null)
                    || daily != null && (daily.read() != null || daily.write() != null);
            if (byLevel && byType) problems.add("plan '" + name + "' keys limits both by level and by read/write type; choose one");
            if (plan.pricePer10k() == null && plan.payAsYouGo()) problems.add("plan '" + name + "' allows pay-as-you-go but has no price-per-10k");
        });
        return problems;
    }
}
