package dev.sluice.operations.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cronutils.model.time.ExecutionTime;

import dev.sluice.develop.DevFixture;
import dev.sluice.develop.batch.Schedules;

/** Due times and business dates at daylight-saving changes and month ends, as cron-utils reads Quartz expressions. */
class InstanceGeneratorCronTest {

    static ZoneId zone(DevFixture d) {
        return ZoneId.of("Asia/Shanghai");
    }

    static List<ZonedDateTime> fires(String cron, ZonedDateTime from, int n) {
        ExecutionTime times = ExecutionTime.forCron(Schedules.cron(cron, "CronExpression"));
        List<ZonedDateTime> out = new ArrayList<>();
        ZonedDateTime at = from;
        for (int i = 0; i < n; i++) {
            at = times.nextExecution(at).orElseThrow();
            out.add(at);
        }
        return out;
    }

    @Test
    void theLastDayOfEachMonthAndItsBusinessDate() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<ZonedDateTime> fires = fires("0 0 1 L * ?", ZonedDateTime.of(2028, 1, 15, 0, 0, 0, 0, zone), 3);
        assertThat(fires.stream().map(z -> z.toLocalDate().toString())).containsExactly("2028-01-31", "2028-02-29", "2028-03-31");
        assertThat(fires.stream().map(InstanceGenerator::bizDate)).containsExactly("2028-01-30", "2028-02-28", "2028-03-30");
        assertThat(InstanceGenerator.bizDate(ZonedDateTime.of(2026, 3, 1, 0, 30, 0, 0, zone))).isEqualTo("2026-02-28");
    }

    @Test
    void daylightSavingChangesNeitherLoseNorRepeatADailyRun() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 2026-03-08 02:00 jumps to 03:00; 2026-11-01 02:00 falls back to 01:00.
        List<ZonedDateTime> spring = fires("0 30 2 * * ?", ZonedDateTime.of(2026, 3, 6, 12, 0, 0, 0, newYork), 3);
        assertThat(spring.stream().map(z -> z.toLocalDate().toString())).doesNotHaveDuplicates();
        assertThat(spring.getFirst().toLocalDate().toString()).isEqualTo("2026-03-07");
        List<ZonedDateTime> autumn = fires("0 30 1 * * ?", ZonedDateTime.of(2026, 10, 31, 12, 0, 0, 0, newYork), 2);
        assertThat(autumn.stream().map(z -> z.toLocalDate().toString())).as("01:30 happens twice on 2026-11-01, it runs once")
                .containsExactly("2026-11-01", "2026-11-02");
        for (int i = 1; i < spring.size(); i++) assertThat(spring.get(i)).isAfter(spring.get(i - 1));
    }
}
