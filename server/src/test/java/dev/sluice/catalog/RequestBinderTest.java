package dev.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.PopException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RequestBinderTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final Operation CREATE_DIRECTORY = CATALOG.find("CreateDirectory").orElseThrow();
    private static final Operation GET_USERS = CATALOG.find("GetUsers").orElseThrow();
    private static final Operation UPDATE_USER_GROUP_SWITCH = CATALOG.find("UpdateUserGroupSwitch").orElseThrow();
    private static final Operation CREATE_BIZ_ENTITY = CATALOG.find("CreateBizEntity").orElseThrow();

    private static final String VALID_COMMAND =
            "{\"Category\":\"tempCode\",\"Directory\":\"/\",\"Name\":\"reports\",\"ProjectId\":1212344}";

    private final RequestBinder binder = new RequestBinder();

    @Test
    void bindsTypedValuesUnderWireNames() {
        ObjectNode bound = binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "30001011", "CreateCommand", VALID_COMMAND));

        assertThat(bound.get("OpTenantId").isIntegralNumber()).isTrue();
        assertThat(bound.get("OpTenantId").longValue()).isEqualTo(30001011L);
        assertThat(bound.get("CreateCommand").get("ProjectId").longValue()).isEqualTo(1212344L);
        assertThat(bound.get("CreateCommand").get("Name").stringValue()).isEqualTo("reports");
    }

    record CreateCommand(String category, String directory, String name, long projectId) {
    }

    record CreateDirectoryRequest(CreateCommand createCommand, long opTenantId) {
    }

    @Test
    void resultMapsOntoPascalCaseRecords() {
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE).build();
        ObjectNode bound = binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "30001011", "CreateCommand", VALID_COMMAND));

        CreateDirectoryRequest request = mapper.treeToValue(bound, CreateDirectoryRequest.class);

        assertThat(request).isEqualTo(new CreateDirectoryRequest(
                new CreateCommand("tempCode", "/", "reports", 1212344L), 30001011L));
    }

    @Test
    void ignoresProtocolAndUnknownParameters() {
        Map<String, String> wire = new HashMap<>(Map.of("OpTenantId", "1", "CreateCommand", VALID_COMMAND));
        wire.putAll(Map.of("Action", "CreateDirectory", "Version", "2023-06-30", "AccessKeyId", "ak",
                "Signature", "sig", "SignatureMethod", "HMAC-SHA1", "SignatureNonce", "n", "Timestamp", "t",
                "Format", "JSON", "RegionId", "cn-hangzhou", "SecurityToken", "st"));
        wire.put("SomethingElse", "whatever");

        assertThat(binder.bind(CREATE_DIRECTORY, wire).propertyNames()).containsExactly("CreateCommand", "OpTenantId");
    }

    @Nested
    class MissingValues {

        @Test
        void emptyStringCountsAsMissing() {
            assertThat(errorOf(() -> binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "", "CreateCommand", VALID_COMMAND))))
                    .isEqualTo(PopErrors.missingParameter("OpTenantId"));
        }

        @Test
        void jsonNullForARequiredStructureCountsAsMissing() {
            assertThat(errorOf(() -> binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "1", "CreateCommand", "null"))))
                    .isEqualTo(PopErrors.missingParameter("CreateCommand"));
        }

        @Test
        void nestedRequiredFieldIsNamedByDottedPath() {
            String command = "{\"Category\":\"tempCode\",\"Directory\":\"/\",\"Name\":\"reports\"}";

            assertThat(errorOf(() -> binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "1", "CreateCommand", command))))
                    .isEqualTo(PopErrors.missingParameter("CreateCommand.ProjectId"));
        }

        @Test
        void optionalEmptyValuesAreLeftOut() {
            Operation op = CATALOG.find("GetMyTenants").orElseThrow();
            Map<String, String> wire = new HashMap<>(ValidExamples.minimal().wireParams(op));
            wire.put("FeatureCodeList", "");

            assertThat(binder.bind(op, wire).has("FeatureCodeList")).isFalse();
        }
    }

    @Nested
    class SimpleValues {

        @Test
        void integerMustParse() {
            assertThat(errorOf(() -> bindCreateDirectory("abc", VALID_COMMAND)))
                    .isEqualTo(PopErrors.invalidParameter("OpTenantId", "expected an integer but got 'abc'"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.5", "2.0", "1e3", "0x10", "12a"})
        void integerRejectsAnythingButDigits(String value) {
            assertThat(errorOf(() -> bindCreateDirectory(value, VALID_COMMAND)).message())
                    .contains("'OpTenantId'", "expected an integer but got '" + value + "'");
        }

        @Test
        void integerMustFitInALong() {
            assertThat(errorOf(() -> bindCreateDirectory("99999999999999999999", VALID_COMMAND)).message())
                    .contains("'OpTenantId'", "out of range");
        }

        @ParameterizedTest
        @ValueSource(strings = {"true", "TRUE", "True", "false", "FALSE"})
        void booleanAcceptsTrueAndFalseInAnyCase(String value) {
            ObjectNode bound = binder.bind(UPDATE_USER_GROUP_SWITCH,
                    Map.of("Active", value, "OpTenantId", "1", "UserGroupId", "g"));

            assertThat(bound.get("Active").isBoolean()).isTrue();
            assertThat(bound.get("Active").booleanValue()).isEqualTo(Boolean.parseBoolean(value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"yes", "1", "0", "on"})
        void booleanRejectsOtherWords(String value) {
            PopError error = errorOf(() -> binder.bind(UPDATE_USER_GROUP_SWITCH,
                    Map.of("Active", value, "OpTenantId", "1", "UserGroupId", "g")));

            assertThat(error).isEqualTo(PopErrors.invalidParameter("Active", "expected true or false but got '" + value + "'"));
        }

        @Test
        void stringIsTakenAsIs() {
            ObjectNode bound = binder.bind(UPDATE_USER_GROUP_SWITCH,
                    Map.of("Active", "true", "OpTenantId", "1", "UserGroupId", " 42 "));

            assertThat(bound.get("UserGroupId").stringValue()).isEqualTo(" 42 ");
        }

        @Test
        void numberParsesAsDouble() {
            Operation op = handMade(new Param("Ratio", ParamLocation.QUERY, ParamType.NUMBER, true, false, List.of(), null));

            assertThat(binder.bind(op, Map.of("Ratio", "0.25")).get("Ratio").doubleValue()).isEqualTo(0.25);
            assertThat(errorOf(() -> binder.bind(op, Map.of("Ratio", "NaN"))))
                    .isEqualTo(PopErrors.invalidParameter("Ratio", "expected a number but got 'NaN'"));
        }

        private ObjectNode bindCreateDirectory(String tenant, String command) {
            return binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", tenant, "CreateCommand", command));
        }
    }

    @Nested
    class JsonValues {

        @Test
        void malformedJsonNamesTheParameterAndWhere() {
            PopError error = errorOf(() -> binder.bind(CREATE_DIRECTORY,
                    Map.of("OpTenantId", "1", "CreateCommand", "{\"Category\": tempCode}")));

            assertThat(error.code()).isEqualTo("InvalidParameter");
            assertThat(error.message()).contains("'CreateCommand'", "JSON is malformed", "line 1, column");
        }

        @Test
        void unclosedJsonIsReportedWithoutParserNoise() {
            PopError error = errorOf(() -> binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "1", "CreateCommand", "{")));

            assertThat(error.message()).contains("JSON is malformed", "(line 1, column").doesNotContain("Source:");
        }

        @Test
        void trailingGarbageIsMalformed() {
            PopError error = errorOf(() -> binder.bind(CREATE_DIRECTORY,
                    Map.of("OpTenantId", "1", "CreateCommand", VALID_COMMAND + "}")));

            assertThat(error.message()).contains("'CreateCommand'", "JSON is malformed");
        }

        @Test
        void wrongJsonKindIsInvalid() {
            assertThat(errorOf(() -> binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "1", "CreateCommand", "[1,2]"))))
                    .isEqualTo(PopErrors.invalidParameter("CreateCommand", "expected a JSON object but got an array"));
            assertThat(errorOf(() -> binder.bind(GET_USERS, Map.of("OpTenantId", "1", "UserIdList", "{\"a\":1}"))))
                    .isEqualTo(PopErrors.invalidParameter("UserIdList", "expected a JSON array but got an object"));
        }

        @Test
        void nestedWrongTypeIsNamedByPath() {
            String command = VALID_COMMAND.replace("1212344", "12.5");

            assertThat(errorOf(() -> binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "1", "CreateCommand", command))))
                    .isEqualTo(PopErrors.invalidParameter("CreateCommand.ProjectId", "expected an integer but got 12.5"));
        }

        @Test
        void arrayElementsAreNamedByIndex() {
            assertThat(errorOf(() -> binder.bind(GET_USERS, Map.of("OpTenantId", "1", "UserIdList", "[\"a\",\"b\",{}]"))))
                    .isEqualTo(PopErrors.invalidParameter("UserIdList[2]", "expected a string but got an object"));
            assertThat(errorOf(() -> binder.bind(GET_USERS, Map.of("OpTenantId", "1", "UserIdList", "[\"a\",null]"))))
                    .isEqualTo(PopErrors.invalidParameter("UserIdList[1]", "an element must not be null"));
        }

        @Test
        void nestedIntegerArrayElementsAreNamedByPathAndIndex() {
            ObjectNode command = ValidExamples.full().typedValues(CREATE_BIZ_ENTITY);
            ((ObjectNode) command.get("CreateCommand").get("BizObject"))
                    .putArray("RefBizEntityIdList").add(1).add("2").add("three");

            assertThat(errorOf(() -> binder.bind(CREATE_BIZ_ENTITY, ValidExamples.toWire(CREATE_BIZ_ENTITY, command))))
                    .isEqualTo(PopErrors.invalidParameter("CreateCommand.BizObject.RefBizEntityIdList[2]",
                            "expected an integer but got 'three'"));
        }

        @Test
        void digitStringsAreAcceptedForIntegers() {
            String command = VALID_COMMAND.replace("1212344", "\"1212344\"");

            ObjectNode bound = binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "1", "CreateCommand", command));

            assertThat(bound.get("CreateCommand").get("ProjectId").isIntegralNumber()).isTrue();
            assertThat(bound.get("CreateCommand").get("ProjectId").longValue()).isEqualTo(1212344L);
        }

        @Test
        void fractionStringsAreRejectedForIntegers() {
            String command = VALID_COMMAND.replace("1212344", "\"12.5\"");

            assertThat(errorOf(() -> binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "1", "CreateCommand", command))))
                    .isEqualTo(PopErrors.invalidParameter("CreateCommand.ProjectId", "expected an integer but got '12.5'"));
        }

        @Test
        void booleanStringsAndNumbersForStringsAreAccepted() {
            Param flags = new Param("Flags", ParamLocation.BODY, ParamType.OBJECT, true, true, List.of(
                    new Param("Enabled", ParamLocation.BODY, ParamType.BOOLEAN, true, false, List.of(), null),
                    new Param("Label", ParamLocation.BODY, ParamType.STRING, true, false, List.of(), null)), null);

            ObjectNode bound = binder.bind(handMade(flags), Map.of("Flags", "{\"Enabled\":\"TRUE\",\"Label\":42}"));

            assertThat(bound.get("Flags").get("Enabled").booleanValue()).isTrue();
            assertThat(bound.get("Flags").get("Label").stringValue()).isEqualTo("42");
        }

        @Test
        void fieldNamesMatchIgnoringCaseAndUnknownFieldsAreDropped() {
            String command = "{\"category\":\"tempCode\",\"DIRECTORY\":\"/\",\"Name\":\"n\",\"projectId\":1,\"Extra\":true}";

            ObjectNode bound = binder.bind(CREATE_DIRECTORY, Map.of("OpTenantId", "1", "CreateCommand", command));

            assertThat(bound.get("CreateCommand").propertyNames())
                    .containsExactly("Category", "Directory", "Name", "ProjectId");
        }

        @Test
        void structureDeclaredWithoutEncodingIsStillReadAsJson() {
            Param ids = new Param("Ids", ParamLocation.QUERY, ParamType.ARRAY, true, false, List.of(),
                    new Param("", ParamLocation.QUERY, ParamType.INTEGER, true, false, List.of(), null));

            ObjectNode bound = binder.bind(handMade(ids), Map.of("Ids", "[1,\"2\"]"));

            assertThat(bound.get("Ids").toString()).isEqualTo("[1,2]");
        }
    }

    private static Operation handMade(Param param) {
        return new Operation("HandMade", "Data development", "Tests", 1, Edition.AGILE, OperationType.WRITE,
                List.of(param), new ResponseShape("", ParamType.OBJECT, List.of(), null), Set.of());
    }

    private static PopError errorOf(Executable call) {
        PopException thrown = catchThrowableOfType(PopException.class, call::execute);
        assertThat(thrown).as("expected a PopException").isNotNull();
        return thrown.error();
    }
}
