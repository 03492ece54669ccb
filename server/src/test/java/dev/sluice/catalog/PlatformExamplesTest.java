package dev.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/**
 * Every Platform management operation given the catalog's valid examples (minimal and full): whatever the values, a
 * handler answers success or a precise client error, never a 5xx and never NotImplemented.
 */
@SluiceServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformExamplesTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    RawClient client;
    NewAccount account;

    @BeforeAll
    void newAccount() {
        NewAccount created = TestAccounts.create(admin, "tinypayg");
        admin.updateAccount(created.account().id(), "tinypayg", true, false);
        account = created;
        client = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
    }

    static Stream<Operation> operations() {
        return Catalog.load().byModule("Platform management").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void examplesNeverFailTheServer(Operation operation) {
        for (ValidExamples examples : new ValidExamples[] {ValidExamples.minimal(), ValidExamples.full()}) {
            RawClient.Call call = client.call(operation.action());
            for (Map.Entry<String, String> p : examples.wireParams(operation).entrySet()) call.param(p.getKey(), p.getValue());
            Response response = call.param("OpTenantId", account.tenant().id()).send();
            assertThat(response.status()).as(operation.action() + ": " + response.body()).isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.code()).as(operation.action()).isNotBlank().isNotEqualTo("NotImplemented");
                assertThat(response.message()).as(operation.action()).isNotBlank();
            }
        }
    }
}
