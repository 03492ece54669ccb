package dev.sluice.develop.batch;

import java.util.List;

/** The nested request shapes UpdateBatchTask and SubmitBatchTask share (their wire names are the components'). */
final class Wire {

    private Wire() {
    }

    record CustomScheduleConfig(String endTime, Integer interval, String intervalUnit, String schedulePeriod, String startTime) {
    }

    record Param(String key, String value) {
    }

    record SparkClientInfo(String sparkClientVersion) {
    }

    record DependPeriod(Integer periodOffset, String periodType) {
    }

    record UpStream(DependPeriod dependPeriod, String dependStrategy, List<String> fieldList, String nodeType, Integer periodDiff,
                    Boolean sourceNodeEnabled, String sourceNodeId, String sourceNodeOutputName, String sourceTableName) {
    }
}
