package dev.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.catalog.Param;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** Every one of the 211 actions, over HTTP: generic validation names the missing parameter before any handler runs. */
@SluiceServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryOperationTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    RawClient client;
    NewAccount account;

    @BeforeAll
    void newAccount() {
        account = TestAccounts.create(admin, "intelligent");
        client = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
    }

    static Stream<Operation> operations() {
        return Catalog.load().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aMissingRequiredParameterIsNamed(Operation operation) {
        Param firstRequired = operation.request().stream().filter(Param::required).findFirst().orElseThrow();

        Response response = client.call(operation.action()).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("MissingParameter");
        assertThat(response.message()).contains("'" + firstRequired.name() + "'");
    }
}
