package dev.sluice.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.sluice.account.User;
import dev.sluice.catalog.Catalog;
import dev.sluice.protocol.PopException;

/**
 * The one wording of a refusal: the caller's own operation, the object, who may. (Role lookups are exercised over HTTP
 * by the platform operations' tests; the checks here decide without them.)
 */
class AccessTest {

    private static final Catalog CATALOG = Catalog.load();

    private static Caller caller(String action, long userId) {
        User user = new User(userId, 1, "u" + userId, "U" + userId, false, true, null, null, null, null, 0, 0, null);
        return new Caller(null, null, user, "LTAI", "req-1", CATALOG.find(action).orElseThrow());
    }

    /** No role lookup may happen in these checks: the roles are absent. */
    private final Access access = new Access(null);

    @Test
    void theCallerKnowsItsOperation() {
        assertThat(caller("UpdateUserGroup", 7).action()).isEqualTo("UpdateUserGroup");
    }

    @Test
    void aRefusalNamesTheOperationTheObjectAndWhoMay() {
        assertThatThrownBy(() -> access.require(caller("DeleteUserGroup", 7), () -> false, "user group 'ops'", "its administrators"))
                .isInstanceOfSatisfying(PopException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("Forbidden.NoPermission");
                    assertThat(e.error().httpStatus()).isEqualTo(403);
                    assertThat(e.error().message()).isEqualTo("DeleteUserGroup on user group 'ops' may only be called by its administrators.");
                });
        assertThat(Access.refused(caller("UpdateTenantComputeEngine", 7), null, Access.TENANT_ADMINS).message())
                .isEqualTo("UpdateTenantComputeEngine may only be called by super or system administrators.");
    }

    @Test
    void anOwnerPassesWithoutARoleLookup() {
        assertThatCode(() -> access.ownerOrTenantAdmin(caller("DeleteUserGroup", 7), 7, "user group 'ops'")).doesNotThrowAnyException();
        assertThatCode(() -> access.require(caller("DeleteUserGroup", 7), () -> true, null, "anyone")).doesNotThrowAnyException();
    }
}
