package dev.sluice.develop.batch;

import java.util.List;

/** A task as GetBatchTaskInfo and GetBatchTaskInfoByVersion answer it (fields a view has no value for are left out). */
record TaskInfoView(String code, String cronExpression, Schedule customScheduleConfig, String dagId, String dataSourceCatalog,
                    String dataSourceId, String dataSourceSchema, String developOwnerId, String developOwnerName, long fileId,
                    boolean hasDevNode, String name, boolean needPublish, String nodeDescription, String nodeFrom, String nodeId,
                    String nodeName, List<String> nodeOutputNameList, int nodeStatus, String operatorUserId, String opsOwnerId,
                    String opsOwnerName, String ownerName, String ownerUserId, List<Param> paramList, boolean paused,
                    int priority, long projectId, boolean published, String remark, boolean rerunable, String schedulePeriod,
                    int scheduleType, SparkClient sparkClientInfo, String status, int taskType, List<UpStream> upStreamList) {

    record Schedule(String endTime, int interval, String intervalUnit, String schedulePeriod, String startTime) {
    }

    record Param(String key, String value) {
    }

    record SparkClient(String sparkClientVersion) {
    }

    record DependPeriod(Integer periodOffset, String periodType) {
    }

    record UpStream(DependPeriod dependPeriod, String dependStrategy, List<String> fieldList, String nodeType, int periodDiff,
                    Boolean sourceNodeEnabled, String sourceNodeId, String sourceNodeName, String sourceNodeOutputName,
                    String sourceNodeUserName, String sourceTableName) {
    }
}
