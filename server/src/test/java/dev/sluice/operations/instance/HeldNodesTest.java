package dev.sluice.operations.instance;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import dev.sluice.account.AccountAdmin;
import dev.sluice.develop.DevFixture;
import dev.sluice.operations.NodeHolds;
import dev.sluice.operations.NodeOperationLog;
import dev.sluice.platform.project.Projects;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;

/**
 * The scheduler with the node feature's two extension points installed (test doubles here): a held node's instances
 * wait until it is released, and operations are written to the node's operation log. Polls are driven by the test;
 * the node is VIRTUAL, so no engine is needed.
 */
@SluiceServerTest // its scheduler does not poll on its own (see SluiceServerTest): the test drives each poll
@Import(HeldNodesTest.Doubles.class)
class HeldNodesTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Doubles {
        static final Set<String> HELD = ConcurrentHashMap.newKeySet();
        static final List<String> LOG = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        NodeHolds testNodeHolds() {
            return (tenant, project, nodeId) -> HELD.contains(nodeId);
        }

        @Bean
        @Primary
        NodeOperationLog testNodeOperationLog() {
            return (tenant, project, nodeId, userId, operation, detail) -> LOG.add(nodeId + " " + operation + " by " + userId);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountAdmin admin;
    @Autowired
    Projects projects;
    @Autowired
    InstanceDispatcher dispatcher;
    @Autowired
    Instances instances;

    @Test
    void aHeldNodeWaitsUntilReleasedAndOperationsAreLogged() {
        DevFixture d = DevFixture.create(port, admin, projects);
        long project = d.project.id();
        Response created = d.call(d.f.owner, "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", "held",
                "Description", "held", "ProjectId", project, "ScheduleType", 3, "TaskType", 999)));
        long node = created.body().path("CreateResult").path("FileId").asLong();
        assertThat(d.call(d.f.owner, "SubmitBatchTask", "SubmitCommand", json(Map.of("ProjectId", project, "FileId", node, "Name", "held",
                "Code", "-- nothing", "Comment", "publish", "NodeOutputNameList", List.of("held" + UUID.randomUUID())))).status()).isEqualTo(200);
        Doubles.HELD.add("n_" + node);

        Response ran = d.call(d.f.owner, "ExecuteManualNode", "ExecuteCommand", json(Map.of("ProjectId", project, "NodeId", "n_" + node,
                "StartBizDate", "2026-03-01", "EndBizDate", "2026-03-01")));
        assertThat(ran.status()).as(ran.body().toString()).isEqualTo(200);
        dispatcher.poll();
        Instance waiting = instances.ofNode(d.f.tenant(), node).getFirst();
        assertThat(waiting.status()).as("a held node's instance waits").isEqualTo(InstanceStatus.WAIT_SCHEDULE);
        assertThat(d.call(d.f.owner, "GetPhysicalInstance", "ProjectId", project, "InstanceId", waiting.wireId()).body()
                .path("Instance").path("NodeInfo").path("SchedulePaused").asBoolean()).isTrue();

        Doubles.HELD.remove("n_" + node);
        // Each poll judges the least recently judged instances first: other tests' blocked instances in this shared
        // context may fill a claim batch or two before this one's turn comes.
        for (int poll = 0; poll < 20 && instances.find(d.f.tenant(), waiting.id()).orElseThrow().status() != InstanceStatus.SUCCESS; poll++) {
            dispatcher.poll();
        }
        assertThat(instances.find(d.f.tenant(), waiting.id()).orElseThrow().status()).isEqualTo(InstanceStatus.SUCCESS);

        Response rerun = d.call(d.f.owner, "OperateInstance", "OperateCommand", json(Map.of("ProjectId", project, "Operation", "RERUN",
                "InstanceIdList", List.of(Map.of("Id", waiting.wireId())))));
        assertThat(rerun.status()).isEqualTo(200);
        assertThat(Doubles.LOG).contains("n_" + node + " RUN_MANUALLY by " + d.f.account.mainUser().id(),
                "n_" + node + " RERUN by " + d.f.account.mainUser().id());
    }
}
