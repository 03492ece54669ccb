package dev.sluice.console.overview;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import dev.sluice.metering.DayLevelCalls;
import tools.jackson.databind.json.JsonMapper;

/** The daily trend chart's data: one stacked series per level over every day of the month, as JSON for Chart.js. */
final class Trend {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Trend() {
    }

    static String json(YearMonth month, List<DayLevelCalls> days) {
        int length = month.lengthOfMonth();
        long[][] byLevel = new long[3][length];
        for (DayLevelCalls d : days) {
            if (YearMonth.from(d.day()).equals(month)) byLevel[d.level() - 1][d.day().getDayOfMonth() - 1] += d.calls();
        }
        String[] labels = new String[length];
        for (int i = 0; i < length; i++) labels[i] = String.valueOf(i + 1);
        return JSON.writeValueAsString(Map.of("month", month.toString(), "labels", labels, "series", List.of(
                Map.of("label", "Level 1", "data", byLevel[0]),
                Map.of("label", "Level 2", "data", byLevel[1]),
                Map.of("label", "Level 3", "data", byLevel[2]))));
    }
}
