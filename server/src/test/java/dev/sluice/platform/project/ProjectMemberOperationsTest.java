package dev.sluice.platform.project;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PermissionChanged;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** Project members and their roles, the permission events they publish, and project whitelists. */
@SluiceServerTest
class ProjectMemberOperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Autowired
    ConfigurableApplicationContext context;

    PlatformTenant t;
    Project project;
    final List<PermissionChanged> events = new CopyOnWriteArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<PermissionChanged>> listener = e -> events.add(e.getPayload());

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
        context.addApplicationListener(listener);
        project = projects.create(ProjectOperationsTest.draft(t, "dp_members", ProjectMode.DEV_PROD, null, null));
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    List<PermissionChanged> mine() {
        return events.stream().filter(e -> e.tenantId() == t.tenantId()).toList();
    }

    static String users(long userId, Integer... roles) {
        return json(Map.of("Env", "DEV", "UserList", List.of(Map.of("UserId", String.valueOf(userId), "RoleList", List.of(roles)))));
    }

    JsonNode members(String env) {
        Response r = t.call("ListProjectMembers").param("Id", project.id()).param("ListQuery", json(Map.of("Env", env))).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("PageResult");
    }

    @Test
    void theOwnerAdministersANewProjectInEveryEnvironment() {
        assertThat(mine()).extracting(PermissionChanged::env).containsExactly("DEV", "PROD");
        PermissionChanged grant = mine().getFirst();
        assertThat(grant.change()).isEqualTo(PermissionChanged.Change.GRANT);
        assertThat(grant.resourceType()).isEqualTo("PROJECT");
        assertThat(grant.projectId()).isEqualTo(project.id());
        assertThat(grant.targetId()).isEqualTo(String.valueOf(t.ownerId()));
        assertThat(grant.permissionTypes()).containsExactly("PROJECT_ADMIN");

        JsonNode dev = members("DEV");
        assertThat(dev.path("TotalCount").asLong()).isEqualTo(1);
        assertThat(dev.path("ProjectMemberList").get(0).path("RoleIdList")).extracting(JsonNode::asInt).containsExactly(1);
    }

    @Test
    void membersAreAddedUpdatedAndRemovedWithAPermissionEventForEachChange() {
        PlatformTenant.Member ann = t.member("ann");
        events.clear();

        Response added = t.call("AddProjectMember").param("Id", project.id()).param("AddCommand", users(ann.id(), 2, 3)).send();
        assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
        JsonNode row = members("DEV").path("ProjectMemberList").get(1);
        assertThat(row.path("UserId").asString()).isEqualTo(String.valueOf(ann.id()));
        assertThat(row.path("UserName").asString()).isEqualTo("ann");
        assertThat(row.path("RoleIdList")).extracting(JsonNode::asInt).containsExactly(2, 3);
        assertThat(row.path("LastModifier").asString()).isEqualTo(String.valueOf(t.ownerId()));
        assertThat(members("PROD").path("TotalCount").asLong()).isEqualTo(1);
        assertThat(mine()).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(PermissionChanged.Change.GRANT);
            assertThat(e.permissionTypes()).containsExactly("DEVELOPER", "VISITOR");
            assertThat(e.env()).isEqualTo("DEV");
            assertThat(e.operatorUserId()).isEqualTo(t.ownerId());
        });

        events.clear();
        Response updated = t.call("UpdateProjectMember").param("Id", project.id()).param("UpdateCommand", users(ann.id(), 3, 4)).send();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(members("DEV").path("ProjectMemberList").get(1).path("RoleIdList")).extracting(JsonNode::asInt).containsExactly(3, 4);
        assertThat(mine()).extracting(PermissionChanged::change, PermissionChanged::permissionTypes).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PermissionChanged.Change.REVOKE, List.of("DEVELOPER")),
                org.assertj.core.groups.Tuple.tuple(PermissionChanged.Change.GRANT, List.of("ANALYST")));

        events.clear();
        Response removed = t.call("RemoveProjectMember").param("Id", project.id())
                .param("RemoveCommand", json(Map.of("Env", "DEV", "UserIdList", List.of(String.valueOf(ann.id()))))).send();
        assertThat(removed.status()).isEqualTo(200);
        assertThat(members("DEV").path("TotalCount").asLong()).isEqualTo(1);
        assertThat(mine()).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(PermissionChanged.Change.REVOKE);
            assertThat(e.permissionTypes()).containsExactly("VISITOR", "ANALYST");
        });
    }

    @Test
    void onlyTheProjectsAdministratorsManageItsMembers() {
        PlatformTenant.Member dev = t.member("dev");
        PlatformTenant.Member lead = t.member("lead");
        t.call("AddProjectMember").param("Id", project.id()).param("AddCommand", users(dev.id(), 2)).send();
        t.call("AddProjectMember").param("Id", project.id()).param("AddCommand", users(lead.id(), 1)).send();
        PlatformTenant.Member newcomer = t.member("newcomer");

        Response refused = t.as(dev.client(), "AddProjectMember").param("Id", project.id()).param("AddCommand", users(newcomer.id(), 1)).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(refused.message()).contains("dp_members", "DEV");
        Response refusedRemove = t.as(dev.client(), "RemoveProjectMember").param("Id", project.id())
                .param("RemoveCommand", json(Map.of("Env", "DEV", "UserIdList", List.of(String.valueOf(lead.id()))))).send();
        assertThat(refusedRemove.code()).isEqualTo("Forbidden.NoPermission");
        Response refusedUpdate = t.as(dev.client(), "UpdateProjectMember").param("Id", project.id()).param("UpdateCommand", users(dev.id(), 1)).send();
        assertThat(refusedUpdate.code()).isEqualTo("Forbidden.NoPermission");
        // The DEV administrator has no say over PROD.
        Response otherEnv = t.as(lead.client(), "AddProjectMember").param("Id", project.id())
                .param("AddCommand", json(Map.of("Env", "PROD", "UserList", List.of(Map.of("UserId", String.valueOf(newcomer.id()), "RoleList", List.of(2))))))
                .send();
        assertThat(otherEnv.code()).isEqualTo("Forbidden.NoPermission");

        Response byLead = t.as(lead.client(), "AddProjectMember").param("Id", project.id()).param("AddCommand", users(newcomer.id(), 2)).send();
        assertThat(byLead.status()).isEqualTo(200);
        assertThat(members("DEV").path("TotalCount").asLong()).isEqualTo(4);
    }

    @Test
    void badMemberRequestsNameWhatIsWrong() {
        PlatformTenant.Member ann = t.member("ann");
        PlatformTenant stranger = PlatformTenant.create(admin, port);

        Response missing = t.call("AddProjectMember").param("Id", project.id()).send();
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("AddCommand");
        Response role = t.call("AddProjectMember").param("Id", project.id()).param("AddCommand", users(ann.id(), 9)).send();
        assertThat(role.code()).isEqualTo("InvalidParameter");
        assertThat(role.message()).contains("AddCommand.UserList[0].RoleList", "9");
        Response env = t.call("AddProjectMember").param("Id", project.id())
                .param("AddCommand", json(Map.of("Env", "QA", "UserList", List.of(Map.of("UserId", "1", "RoleList", List.of(2)))))).send();
        assertThat(env.message()).contains("AddCommand.Env", "QA");
        Response foreignUser = t.call("AddProjectMember").param("Id", project.id()).param("AddCommand", users(stranger.ownerId(), 2)).send();
        assertThat(foreignUser.status()).isEqualTo(400);
        assertThat(foreignUser.code()).isEqualTo("InvalidParameter");
        assertThat(foreignUser.message()).contains("AddCommand.UserList[0].UserId", "not a user id of a member");

        t.call("AddProjectMember").param("Id", project.id()).param("AddCommand", users(ann.id(), 2)).send();
        Response twice = t.call("AddProjectMember").param("Id", project.id()).param("AddCommand", users(ann.id(), 3)).send();
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("EntityAlreadyExist");

        Response notMember = t.call("UpdateProjectMember").param("Id", project.id()).param("UpdateCommand", users(t.member("bob").id(), 2)).send();
        assertThat(notMember.status()).isEqualTo(404);
        Response owner = t.call("RemoveProjectMember").param("Id", project.id())
                .param("RemoveCommand", json(Map.of("Env", "DEV", "UserIdList", List.of(String.valueOf(t.ownerId()))))).send();
        assertThat(owner.code()).isEqualTo("InvalidParameter");
        assertThat(owner.message()).contains("owner", "transfer");
        Response noUsers = t.call("RemoveProjectMember").param("Id", project.id()).param("RemoveCommand", json(Map.of("Env", "DEV"))).send();
        assertThat(noUsers.code()).isEqualTo("MissingParameter");
        assertThat(noUsers.message()).contains("RemoveCommand.UserIdList");
        Response page = t.call("ListProjectMembers").param("Id", project.id()).param("ListQuery", json(Map.of("Env", "DEV", "PageNo", 0))).send();
        assertThat(page.message()).contains("ListQuery.PageNo");
    }

    @Test
    void anotherTenantCannotTouchTheMembers() {
        PlatformTenant other = PlatformTenant.create(admin, port);
        Response add = other.call("AddProjectMember").param("Id", project.id()).param("AddCommand", users(other.ownerId(), 1)).send();
        assertThat(add.status()).isEqualTo(404);
        Response list = other.call("ListProjectMembers").param("Id", project.id()).param("ListQuery", json(Map.of("Env", "DEV"))).send();
        assertThat(list.status()).isEqualTo(404);
        assertThat(list.body().toString()).doesNotContain(String.valueOf(t.ownerId()));
        assertThat(members("DEV").path("TotalCount").asLong()).isEqualTo(1);
    }

    @Test
    void aBasicProjectHasOneMemberListForBothEnvironments() {
        Project basic = projects.create(ProjectOperationsTest.draft(t, "dp_basic", ProjectMode.BASIC, null, null));
        PlatformTenant.Member ann = t.member("ann");
        t.call("AddProjectMember").param("Id", basic.id()).param("AddCommand", users(ann.id(), 2)).send();
        Response prod = t.call("ListProjectMembers").param("Id", basic.id()).param("ListQuery", json(Map.of("Env", "PROD"))).send();
        assertThat(prod.body().path("PageResult").path("TotalCount").asLong()).isEqualTo(2);
        assertThat(mine()).last().extracting(PermissionChanged::env).isNull();
    }

    @Test
    void whitelistsAreReplacedWholeByAdministrators() {
        String two = json(Map.of("WhiteLists", List.of(Map.of("Ip", "10.1.0.2", "Port", "5432", "Description", "warehouse"),
                Map.of("Ip", "192.168.0.0/16", "Port", "8000-8080"))));
        Response replaced = t.call("ReplaceProjectWhiteLists").param("Id", project.id()).param("ReplaceCommand", two).send();
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        JsonNode lists = t.call("GetProjectWhiteLists").param("Id", project.id()).send().body().path("WhiteLists");
        assertThat(lists).extracting(w -> w.path("Ip").asString() + ":" + w.path("Port").asString())
                .containsExactly("10.1.0.2:5432", "192.168.0.0/16:8000-8080");
        assertThat(lists.get(0).path("Description").asString()).isEqualTo("warehouse");
        assertThat(t.call("GetProject").param("Id", project.id()).send().body().path("ProjectInfo").path("WhiteLists")).hasSize(2);

        Response badIp = t.call("ReplaceProjectWhiteLists").param("Id", project.id())
                .param("ReplaceCommand", json(Map.of("WhiteLists", List.of(Map.of("Ip", "10.1.0.300", "Port", "1"))))).send();
        assertThat(badIp.message()).contains("ReplaceCommand.WhiteLists[0].Ip", "10.1.0.300");
        Response badPort = t.call("ReplaceProjectWhiteLists").param("Id", project.id())
                .param("ReplaceCommand", json(Map.of("WhiteLists", List.of(Map.of("Ip", "::1", "Port", "70000"))))).send();
        assertThat(badPort.message()).contains("ReplaceCommand.WhiteLists[0].Port");
        Response badV6 = t.call("ReplaceProjectWhiteLists").param("Id", project.id())
                .param("ReplaceCommand", json(Map.of("WhiteLists", List.of(Map.of("Ip", ":::::1", "Port", "1"))))).send();
        assertThat(badV6.message()).contains("ReplaceCommand.WhiteLists[0].Ip");
        Response missingPort = t.call("ReplaceProjectWhiteLists").param("Id", project.id())
                .param("ReplaceCommand", json(Map.of("WhiteLists", List.of(Map.of("Ip", "10.0.0.1"))))).send();
        assertThat(missingPort.code()).isEqualTo("MissingParameter");

        Response byMember = t.as(t.member("peer").client(), "ReplaceProjectWhiteLists").param("Id", project.id())
                .param("ReplaceCommand", json(Map.of("WhiteLists", List.of()))).send();
        assertThat(byMember.code()).isEqualTo("Forbidden.NoPermission");
        Response otherTenant = PlatformTenant.create(admin, port).call("GetProjectWhiteLists").param("Id", project.id()).send();
        assertThat(otherTenant.status()).isEqualTo(404);

        t.call("ReplaceProjectWhiteLists").param("Id", project.id()).param("ReplaceCommand", json(Map.of("WhiteLists", List.of()))).send();
        assertThat(t.call("GetProjectWhiteLists").param("Id", project.id()).send().body().path("WhiteLists")).isEmpty();
    }

    @Test
    void theRemainingMemberAndWhitelistRefusals() {
        Response noCommand = t.call("UpdateProjectMember").param("Id", project.id()).send();
        assertThat(noCommand.code()).isEqualTo("MissingParameter");
        assertThat(noCommand.message()).contains("UpdateCommand");
        Response ownerLosesAdmin = t.call("UpdateProjectMember").param("Id", project.id()).param("UpdateCommand", users(t.ownerId(), 2)).send();
        assertThat(ownerLosesAdmin.code()).isEqualTo("InvalidParameter");
        assertThat(ownerLosesAdmin.message()).contains("keeps the administrator role");
        assertThat(t.call("GetProjectWhiteLists").send().message()).contains("'Id'");
        Response noQuery = t.call("ListProjectMembers").param("Id", project.id()).send();
        assertThat(noQuery.code()).isEqualTo("MissingParameter");
        assertThat(noQuery.message()).contains("ListQuery");

        PlatformTenant other = PlatformTenant.create(admin, port);
        Response update = other.call("UpdateProjectMember").param("Id", project.id()).param("UpdateCommand", users(other.ownerId(), 2)).send();
        Response remove = other.call("RemoveProjectMember").param("Id", project.id())
                .param("RemoveCommand", json(Map.of("Env", "DEV", "UserIdList", List.of(String.valueOf(t.ownerId()))))).send();
        Response replace = other.call("ReplaceProjectWhiteLists").param("Id", project.id())
                .param("ReplaceCommand", json(Map.of("WhiteLists", List.of(Map.of("Ip", "10.0.0.1", "Port", "22"))))).send();
        assertThat(List.of(update.status(), remove.status(), replace.status())).containsOnly(404);
        assertThat(t.call("GetProjectWhiteLists").param("Id", project.id()).send().body().path("WhiteLists")).isEmpty();
        assertThat(members("DEV").path("TotalCount").asLong()).isEqualTo(1);
    }
}
