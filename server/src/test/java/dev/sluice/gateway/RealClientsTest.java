package dev.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.aliyun.tea.TeaException;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.exceptions.ClientException;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TeaClient;
import dev.sluice.testsupport.TestAccounts;
import tools.jackson.databind.JsonNode;

/** Alibaba Cloud's own generic clients, pointed at Sluice with nothing changed but the endpoint. */
@SluiceServerTest
class RealClientsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    NewAccount account;
    String tenant;

    @BeforeEach
    void newAccount() {
        account = TestAccounts.create(admin, "intelligent");
        tenant = String.valueOf(account.tenant().id());
    }

    TeaClient tea(String secret) {
        return new TeaClient(port, account.key().accessKeyId(), secret);
    }

    CoreClient core(String secret) {
        return new CoreClient(port, account.key().accessKeyId(), secret);
    }

    @Test
    void teaOpenApiGetsTheCallersTenant() {
        Map<String, Object> body = tea(account.key().accessKeySecret()).call("GetMyTenants", Map.of("OpTenantId", tenant), Map.of());

        assertThat(body).containsEntry("Success", true).containsEntry("Code", "OK").containsEntry("HttpStatusCode", 200L);
        assertThat(body.get("RequestId")).asString().matches("[0-9A-F-]{36}");
        @SuppressWarnings("unchecked")
        var tenants = (List<Map<String, Object>>) body.get("TenantList");
        assertThat(tenants).singleElement().satisfies(t -> {
            assertThat(((Number) t.get("Id")).longValue()).isEqualTo(account.tenant().id());
            assertThat(t.get("Name")).isEqualTo(account.account().name());
            assertThat(t.get("OwnerId")).isEqualTo(String.valueOf(account.mainUser().id()));
        });
    }

    @Test
    void sdkCoreGetsTheCallersTenant() throws ClientException {
        CommonResponse response = core(account.key().accessKeySecret()).call("GetMyTenants", Map.of("OpTenantId", tenant), Map.of());

        assertThat(response.getHttpStatus()).isEqualTo(200);
        JsonNode body = RpcJson.MAPPER.readTree(response.getData());
        assertThat(body.get("Success").asBoolean()).isTrue();
        assertThat(body.get("TenantList").get(0).get("Id").asLong()).isEqualTo(account.tenant().id());
    }

    @Test
    void bothClientsSendListParametersTheServerUnderstands() throws ClientException {
        String ids = "[\"" + account.mainUser().id() + "\",\"999999999999\"]";
        Map<String, Object> viaTea = tea(account.key().accessKeySecret())
                .call("GetUsers", Map.of("OpTenantId", tenant), Map.of("UserIdList", ids));
        JsonNode viaCore = RpcJson.MAPPER.readTree(core(account.key().accessKeySecret())
                .call("GetUsers", Map.of("OpTenantId", tenant), Map.of("UserIdList", ids)).getData());

        @SuppressWarnings("unchecked")
        var users = (List<Map<String, Object>>) viaTea.get("UserList");
        assertThat(users).extracting(u -> u.get("Id")).containsExactly(String.valueOf(account.mainUser().id()));
        assertThat(viaCore.get("UserList").size()).isEqualTo(1);
        assertThat(viaCore.get("UserList").get(0).get("SourceId").asString()).isEqualTo(account.mainUser().sourceId());
    }

    @Test
    void aWrongSecretReachesBothClientsAsSignatureDoesNotMatch() {
        assertThatThrownBy(() -> tea("not-the-secret").call("GetMyTenants", Map.of("OpTenantId", tenant), Map.of()))
                .isInstanceOfSatisfying(TeaException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.getStatusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> core("not-the-secret").call("GetMyTenants", Map.of("OpTenantId", tenant), Map.of()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.getErrCode()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void anUnknownActionReachesBothClientsAsInvalidActionNotFound() {
        assertThatThrownBy(() -> tea(account.key().accessKeySecret()).call("GetMyTenantz", Map.of("OpTenantId", tenant), Map.of()))
                .isInstanceOfSatisfying(TeaException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("InvalidAction.NotFound");
                    assertThat(e.getStatusCode()).isEqualTo(404);
                });
        assertThatThrownBy(() -> core(account.key().accessKeySecret()).call("GetMyTenantz", Map.of("OpTenantId", tenant), Map.of()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.getErrCode()).isEqualTo("InvalidAction.NotFound"));
    }

    @Test
    void aMissingParameterReachesBothClientsNamingTheParameter() {
        assertThatThrownBy(() -> tea(account.key().accessKeySecret()).call("GetUsers", Map.of("OpTenantId", tenant), Map.of()))
                .isInstanceOfSatisfying(TeaException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("MissingParameter");
                    assertThat(e.getMessage()).contains("UserIdList");
                });
        assertThatThrownBy(() -> core(account.key().accessKeySecret()).call("GetUsers", Map.of("OpTenantId", tenant), Map.of()))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.getErrCode()).isEqualTo("MissingParameter");
                    assertThat(e.getErrMsg()).contains("UserIdList");
                });
    }

    @Test
    void anotherAccountsTenantIsRefused() {
        NewAccount other = TestAccounts.create(admin, "intelligent");
        assertThatThrownBy(() -> tea(account.key().accessKeySecret())
                .call("GetMyTenants", Map.of("OpTenantId", String.valueOf(other.tenant().id())), Map.of()))
                .isInstanceOfSatisfying(TeaException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("Forbidden.OpTenantId");
                    assertThat(e.getStatusCode()).isEqualTo(403);
                });
    }
}
