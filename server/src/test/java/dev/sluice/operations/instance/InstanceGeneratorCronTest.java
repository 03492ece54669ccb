package dev.sluice.operations.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sluice.develop.DevFixture;
import dev.sluice.develop.batch.BatchTask;

/**
 * Due times and business dates as the generator makes them ({@link InstanceGenerator#dueTimes}): Quartz cron as
 * cron-utils reads it and custom intervals, at daylight-saving changes and month ends, in the zone the server is set to
 * ({@code sluice.zone}; New York here for its daylight saving, the default Asia/Shanghai has none).
 */
class InstanceGeneratorCronTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static ZoneId zone(DevFixture d) {
        return ZoneId.of("Asia/Shanghai");
    }

    static BatchTask cron(String expression) {
        return task(expression, null);
    }

    static BatchTask task(String cron, BatchTask.CustomSchedule custom) {
        return new BatchTask("n", null, 51, BatchTask.PERIODIC, "select 1", cron, custom, null, null, null, null, 1, List.of(),
                List.of(), 5, List.of(), null, null, List.of(), List.of());
    }

    static List<ZonedDateTime> fires(BatchTask task, ZonedDateTime from, ZonedDateTime to) {
        return InstanceGenerator.dueTimes(task, from, to.toInstant(), InstanceGenerator.MAX_PER_NODE);
    }

    static List<String> local(List<ZonedDateTime> times) {
        return times.stream().map(z -> z.toLocalDateTime().toString() + z.getOffset()).toList();
    }

    @Test
    void theLastDayOfEachMonthAndItsBusinessDate() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<ZonedDateTime> fires = fires(cron("0 0 1 L * ?"), ZonedDateTime.of(2028, 1, 15, 0, 0, 0, 0, zone),
                ZonedDateTime.of(2028, 4, 15, 0, 0, 0, 0, zone));
        assertThat(fires.stream().map(z -> z.toLocalDate().toString())).containsExactly("2028-01-31", "2028-02-29", "2028-03-31");
        assertThat(fires.stream().map(InstanceGenerator::bizDate)).containsExactly("2028-01-30", "2028-02-28", "2028-03-30");
        assertThat(InstanceGenerator.bizDate(ZonedDateTime.of(2026, 3, 1, 0, 30, 0, 0, zone))).isEqualTo("2026-02-28");
    }

    @Test
    void theThirtyFirstRunsOnlyInMonthsThatHaveIt() {
        List<ZonedDateTime> fires = fires(cron("0 0 2 31 * ?"), ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, NEW_YORK),
                ZonedDateTime.of(2026, 6, 1, 0, 0, 0, 0, NEW_YORK));
        assertThat(fires.stream().map(z -> z.toLocalDate().toString())).containsExactly("2026-01-31", "2026-03-31", "2026-05-31");
        assertThat(InstanceGenerator.bizDate(fires.get(1))).isEqualTo("2026-03-30");
    }

    @Test
    void aDailyCronAtDaylightSavingChangesFollowsCronUtils() {
        // 2026-03-08 02:00 jumps to 03:00 (02:30 does not exist); 2026-11-01 02:00 falls back to 01:00 (01:30 twice).
        List<ZonedDateTime> spring = fires(cron("0 30 2 * * ?"), ZonedDateTime.of(2026, 3, 6, 12, 0, 0, 0, NEW_YORK),
                ZonedDateTime.of(2026, 3, 9, 12, 0, 0, 0, NEW_YORK));
        assertThat(local(spring)).as("as in Quartz, a time inside the gap does not fire that day; the others keep their wall-clock time")
                .containsExactly("2026-03-07T02:30-05:00", "2026-03-09T02:30-04:00");
        List<ZonedDateTime> autumn = fires(cron("0 30 1 * * ?"), ZonedDateTime.of(2026, 10, 31, 12, 0, 0, 0, NEW_YORK),
                ZonedDateTime.of(2026, 11, 2, 12, 0, 0, 0, NEW_YORK));
        assertThat(local(autumn)).as("01:30 happens twice on 2026-11-01, it runs once")
                .containsExactly("2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00");
        assertThat(spring.stream().map(InstanceGenerator::bizDate)).containsExactly("2026-03-06", "2026-03-08");
    }

    @Test
    void anHourlyCronHasTwentyThreeAndTwentyFiveRunsOnTheChangeDays() {
        ZonedDateTime springDay = LocalDateTime.of(2026, 3, 8, 0, 0).atZone(NEW_YORK);
        assertThat(fires(cron("0 0 * * * ?"), springDay.minusSeconds(1), springDay.plusDays(1).minusSeconds(1))).hasSize(23);
        ZonedDateTime autumnDay = LocalDateTime.of(2026, 11, 1, 0, 0).atZone(NEW_YORK);
        List<ZonedDateTime> autumn = fires(cron("0 0 * * * ?"), autumnDay.minusSeconds(1), autumnDay.plusDays(1).minusSeconds(1));
        assertThat(autumn.stream().map(ZonedDateTime::toInstant).distinct()).as("every hour of the 25-hour day, each once").hasSize(25);
    }

    @Test
    void aCustomIntervalRunsFromItsStartToItsEndEveryDay() {
        BatchTask everyHalfHour = task(null, new BatchTask.CustomSchedule("08:00", "10:00", 30, "MINUTE", "DAILY"));
        ZonedDateTime from = ZonedDateTime.of(2026, 5, 31, 9, 10, 0, 0, ZoneId.of("Asia/Shanghai"));
        assertThat(local(fires(everyHalfHour, from, from.plusDays(1))).stream().map(t -> t.substring(0, 16))).containsExactly(
                "2026-05-31T09:30", "2026-05-31T10:00",
                "2026-06-01T08:00", "2026-06-01T08:30", "2026-06-01T09:00");
        BatchTask everyFiveHours = task("0 0 1 * * ?", new BatchTask.CustomSchedule("00:00", "23:59", 5, "HOUR", "HOURLY"));
        assertThat(local(fires(everyFiveHours, from.withHour(0).withMinute(0).minusSeconds(1), from.withHour(23).withMinute(59)))
                .stream().map(t -> t.substring(11, 16))).as("the custom interval, not the cron").containsExactly("00:00", "05:00", "10:00", "15:00", "20:00");
    }

    @Test
    void aCustomIntervalAcrossDaylightSavingChangesRunsEachInstantOnce() {
        BatchTask everyHalfHour = task(null, new BatchTask.CustomSchedule("01:00", "04:00", 30, "MINUTE", "DAILY"));
        List<ZonedDateTime> spring = fires(everyHalfHour, LocalDateTime.of(2026, 3, 8, 0, 0).atZone(NEW_YORK),
                LocalDateTime.of(2026, 3, 8, 12, 0).atZone(NEW_YORK));
        assertThat(local(spring)).as("02:00 and 02:30 do not exist: they run as 03:00 and 03:30, once").containsExactly(
                "2026-03-08T01:00-05:00", "2026-03-08T01:30-05:00", "2026-03-08T03:00-04:00", "2026-03-08T03:30-04:00",
                "2026-03-08T04:00-04:00");
        List<ZonedDateTime> autumn = fires(everyHalfHour, LocalDateTime.of(2026, 11, 1, 0, 0).atZone(NEW_YORK),
                LocalDateTime.of(2026, 11, 1, 12, 0).atZone(NEW_YORK));
        assertThat(autumn.stream().map(ZonedDateTime::toInstant).distinct()).hasSize(autumn.size());
        assertThat(local(autumn).getFirst()).isEqualTo("2026-11-01T01:00-04:00");
        assertThat(local(autumn).getLast()).isEqualTo("2026-11-01T04:00-05:00");
    }
}
