package dev.sluice.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;

/** The startup check of handlers against the catalog: what it lets through and what it names. */
class RequestRecordCheckTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final Operation GET_PROJECT = CATALOG.find("GetProject").orElseThrow();
    private static final Operation CREATE_USER_GROUP = CATALOG.find("CreateUserGroup").orElseThrow();

    enum Env { DEV, PROD }

    record WithTenant(String env, long id, long opTenantId) {
    }

    record WithoutTenant(Env env, Long id) {
    }

    record Misspelt(String env, long projectId) {
    }

    record WrongType(String env, String id) {
    }

    record Command(String name, String description, List<String> userIdList) {
    }

    record NestedMisspelt(Command createCommand) {
    }

    record MissingEnv(long id) {
    }

    enum Stage { DEV, PROD, TEST }

    record WiderEnum(Stage env, long id) {
    }

    enum Lower { DEV, @com.fasterxml.jackson.annotation.JsonProperty("prod") PROD }

    record RenamedConstant(Lower env, long id) {
    }

    enum Named { A }

    record EnumWithoutRule(Boolean active, List<String> adminUserIdList, String description, Named name) {
    }

    record EnumWithoutRuleRequest(EnumWithoutRule createCommand) {
    }

    @Test
    void aMisfitStopsStartupNamingHandlerAndParameter() {
        @Action("GetProject")
        final class Misfit implements OperationHandler<Misspelt, Void> {
            @Override
            public Void handle(Caller caller, Misspelt request) {
                return null;
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HandlerFitCheck(List.of(new Misfit()), CATALOG))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handlers do not fit their operations")
                .hasMessageContaining(Misfit.class.getName() + " handles GetProject of module 'Platform management'")
                .hasMessageContaining("ProjectId (component 'projectId') is not a parameter");
    }

    private static List<String> check(Operation operation, Class<?> handler, Class<?> request) {
        return RequestRecordCheck.problems(operation, handler, request);
    }

    @Test
    void theRealHandlerFitsItsOperation() throws ClassNotFoundException {
        Class<?> handler = Class.forName("dev.sluice.platform.project.GetProject");
        assertThat(check(GET_PROJECT, handler, Class.forName("dev.sluice.platform.project.GetProject$Request"))).isEmpty();
        // OpTenantId may be declared or left out; enums bind strings
        assertThat(check(GET_PROJECT, handler, WithTenant.class)).isEmpty();
        assertThat(check(GET_PROJECT, handler, WithoutTenant.class)).isEmpty();
    }

    @Test
    void aHandlerOutsideItsModulesPackageIsNamed() {
        assertThat(check(GET_PROJECT, RequestRecordCheckTest.class, WithTenant.class)).singleElement().asString()
                .contains(RequestRecordCheckTest.class.getName()).contains("GetProject").contains("dev.sluice.platform");
    }

    @Test
    void aMisspeltOrMistypedComponentIsNamedWithItsHandlerAndPath() throws ClassNotFoundException {
        Class<?> handler = Class.forName("dev.sluice.platform.project.GetProject");
        assertThat(check(GET_PROJECT, handler, Misspelt.class)).containsExactly(
                "dev.sluice.platform.project.GetProject (GetProject): Id is a parameter of the operation but Misspelt has no component for it",
                "dev.sluice.platform.project.GetProject (GetProject): ProjectId (component 'projectId') is not a parameter of the operation;"
                        + " declared: [Env, Id, OpTenantId]");
        assertThat(check(GET_PROJECT, handler, WrongType.class)).singleElement().asString()
                .contains("Id is integer but binds to java.lang.String");
        Class<?> groups = Class.forName("dev.sluice.platform.usergroup.CreateUserGroup");
        assertThat(check(CREATE_USER_GROUP, groups, NestedMisspelt.class))
                .anySatisfy(p -> assertThat(p).contains("CreateCommand.UserIdList (component 'userIdList') is not a parameter"))
                .anySatisfy(p -> assertThat(p).contains("CreateCommand.AdminUserIdList is a parameter of the operation but Command has no component"));
    }

    @Test
    void everyDeclaredParameterButOpTenantIdNeedsItsComponent() throws ClassNotFoundException {
        Class<?> handler = Class.forName("dev.sluice.platform.project.GetProject");
        assertThat(check(GET_PROJECT, handler, MissingEnv.class)).singleElement().asString()
                .contains("Env is a parameter of the operation but MissingEnv has no component for it");
        assertThat(RequestRecordCheck.takesTenantId(WithTenant.class)).isTrue();
        assertThat(RequestRecordCheck.takesTenantId(WithoutTenant.class)).isFalse();
    }

    @Test
    void anEnumComponentMustHaveExactlyTheValueRulesValues() throws ClassNotFoundException {
        Class<?> handler = Class.forName("dev.sluice.platform.project.GetProject");
        assertThat(check(GET_PROJECT, handler, WiderEnum.class)).singleElement().asString()
                .contains("Env binds to the enum Stage with constants [DEV, PROD, TEST] but the catalog's value rule allows [DEV, PROD]");
        // a constant's wire name is its @JsonProperty where it has one
        assertThat(check(GET_PROJECT, handler, RenamedConstant.class)).singleElement().asString()
                .contains("constants [DEV, prod]");
        Class<?> groups = Class.forName("dev.sluice.platform.usergroup.CreateUserGroup");
        assertThat(check(CREATE_USER_GROUP, groups, EnumWithoutRuleRequest.class)).singleElement().asString()
                .contains("CreateCommand.Name binds to the enum Named but the catalog has no value rule for it");
    }
}
