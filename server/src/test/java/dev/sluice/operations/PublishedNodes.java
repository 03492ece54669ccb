package dev.sluice.operations;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sluice.develop.DevFixture;
import dev.sluice.testsupport.RawClient.Response;

/** Batch tasks created and published by the project's owner through the API, as the O&M tests need them. */
public final class PublishedNodes {

    public static final String EVERY_MINUTE = "0 * * * * ?";
    /** The contract's task types Sluice runs: a SQL task on the project's compute, and a node that runs nothing. */
    public static final int SQL = 51;
    public static final int VIRTUAL = 999;

    private PublishedNodes() {
    }

    /** Creates a periodic task firing every minute and submits it (a BASIC project publishes on submit); its file id. */
    public static long publish(DevFixture d, String name, int type, String code, String output, String upstream) {
        return publish(d, name, type, code, output, upstream, EVERY_MINUTE);
    }

    /** As {@link #publish(DevFixture, String, int, String, String, String)} with its own cron (Quartz style, seconds first). */
    public static long publish(DevFixture d, String name, int type, String code, String output, String upstream, String cron) {
        Response created = d.call(d.f.owner, "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", name,
                "Description", name, "ProjectId", d.project.id(), "ScheduleType", 1, "TaskType", type)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long file = created.body().path("CreateResult").path("FileId").asLong();
        Map<String, Object> command = new HashMap<>(Map.of("ProjectId", d.project.id(), "FileId", file, "Name", name, "Code", code,
                "Comment", "publish", "NodeOutputNameList", List.of(output), "CronExpression", cron));
        if (upstream != null) command.put("UpStreamList", List.of(Map.of("SourceNodeOutputName", upstream, "PeriodDiff", 0, "DependStrategy", "ALL")));
        Response submitted = d.call(d.f.owner, "SubmitBatchTask", "SubmitCommand", json(command));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        return file;
    }
}
