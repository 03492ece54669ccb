package dev.sluice.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.ObjectNode;

/** Request records bind strictly: a property the record does not name fails instead of leaving a field null. */
class RpcJsonTest {

    record Command(String name, Long projectId) {
    }

    record Request(Command createCommand) {
    }

    @Test
    void aRequestRecordBindsPascalCaseNamesAndRefusesAnUnknownOne() throws Exception {
        ObjectNode tree = (ObjectNode) RpcJson.MAPPER.readTree("{\"CreateCommand\":{\"Name\":\"n\",\"ProjectId\":7}}");
        assertThat(RpcJson.REQUESTS.treeToValue(tree, Request.class)).isEqualTo(new Request(new Command("n", 7L)));

        ObjectNode misspelt = (ObjectNode) RpcJson.MAPPER.readTree("{\"CreateCommand\":{\"Name\":\"n\",\"ProjectID\":7}}");
        assertThatThrownBy(() -> RpcJson.REQUESTS.treeToValue(misspelt, Request.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("ProjectID");
        // the general mapper stays lenient for free JSON handlers read themselves
        assertThat(RpcJson.MAPPER.treeToValue(misspelt, Request.class)).isEqualTo(new Request(new Command("n", null)));
    }

    enum Env { DEV, PROD }

    record Scoped(Env env, java.util.List<Env> envList) {
    }

    @Test
    void anEnumComponentBindsItsConstantTrimmedInAnyCaseAndBlankAsAbsent() throws Exception {
        assertThat(RpcJson.REQUESTS.treeToValue(RpcJson.MAPPER.readTree("{\"Env\":\" dev \",\"EnvList\":[\"Prod\",\"DEV\"]}"), Scoped.class))
                .isEqualTo(new Scoped(Env.DEV, java.util.List.of(Env.PROD, Env.DEV)));
        assertThat(RpcJson.REQUESTS.treeToValue(RpcJson.MAPPER.readTree("{\"Env\":\"  \"}"), Scoped.class).env()).isNull();
        assertThatThrownBy(() -> RpcJson.REQUESTS.treeToValue(RpcJson.MAPPER.readTree("{\"Env\":\"1\"}"), Scoped.class))
                .isInstanceOf(tools.jackson.databind.exc.InvalidFormatException.class);
        assertThatThrownBy(() -> RpcJson.REQUESTS.treeToValue(RpcJson.MAPPER.readTree("{\"Env\":\"TEST\"}"), Scoped.class))
                .isInstanceOf(tools.jackson.databind.exc.InvalidFormatException.class);

        // what a record stricter than the catalog answers: the wire path and the constants, as the value rules word it
        try {
            RpcJson.REQUESTS.treeToValue(RpcJson.MAPPER.readTree("{\"EnvList\":[\"DEV\",\"TEST\"]}"), Scoped.class);
            throw new AssertionError("bound");
        } catch (tools.jackson.core.JacksonException e) {
            dev.sluice.protocol.PopError refusal = RpcJson.refusal(e, "ListQuery");
            assertThat(refusal.code()).isEqualTo("InvalidParameter");
            assertThat(refusal.message()).isEqualTo("The parameter 'ListQuery.EnvList[1]' is invalid: 'TEST' is not one of DEV, PROD");
        }
    }
}
