package dev.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.aliyun.tea.TeaException;
import com.aliyuncs.exceptions.ClientException;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TeaClient;
import dev.sluice.testsupport.TestAccounts;

/**
 * Every Platform management operation through both of Alibaba Cloud's generic clients, unchanged but for the
 * endpoint (tea-openapi signing ACS3, sdk-core signing HMAC-SHA1), with the catalog's full example values: each is
 * built (never {@code NotImplemented}), never fails the server, and a read answers both clients alike.
 */
@SluiceServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformThroughBothClientsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    NewAccount account;
    TeaClient tea;
    CoreClient core;

    @BeforeAll
    void newAccount() {
        account = TestAccounts.create(admin, "tinypayg"); // limits no test reaches, pay-as-you-go beyond 2 free calls
        admin.updateAccount(account.account().id(), "tinypayg", true, false);
        tea = new TeaClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
        core = new CoreClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
    }

    static Stream<Operation> operations() {
        return Catalog.load().byModule("Platform management").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void answersBothClients(Operation operation) {
        Map<String, String> query = new HashMap<>();
        Map<String, String> body = new HashMap<>();
        ValidExamples.full().wireParams(operation).forEach((name, value) ->
                (operation.param(name).orElseThrow().location() == ParamLocation.BODY ? body : query).put(name, value));
        query.put("OpTenantId", String.valueOf(account.tenant().id()));

        String viaTea = outcome(() -> tea.call(operation.action(), query, body));
        String viaCore = outcome(() -> core.call(operation.action(), query, body).getData());
        System.out.println(operation.action() + ": tea-openapi " + viaTea + ", sdk-core " + viaCore);
        for (String outcome : new String[] {viaTea, viaCore}) {
            assertThat(outcome).as(operation.action()).isNotEqualTo("NotImplemented").doesNotStartWith("InternalError")
                    .doesNotStartWith("ServiceUnavailable");
        }
        if (operation.isRead()) assertThat(viaCore).as(operation.action() + " through both clients").isEqualTo(viaTea);
    }

    /** "OK" for a success, else the error code the client surfaced. */
    private static String outcome(ThrowingCall call) {
        try {
            call.run();
            return "OK";
        } catch (TeaException refused) {
            return refused.getCode();
        } catch (ClientException refused) {
            return refused.getErrCode();
        } catch (Exception other) {
            throw new AssertionError(other);
        }
    }

    private interface ThrowingCall {
        Object run() throws Exception;
    }
}
