package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The wire module keeps only generic codes. A code that belongs to one feature goes in a small {@code ...Errors} class
 * of the module raising it; adding one here instead makes this test fail, and so does removing one other modules use.
 */
class PopErrorsScopeTest {

    private static final Set<String> GENERIC_CODES = Set.of(
            // request shape and the HTTP edge
            "MissingParameter", "InvalidParameter", "InvalidAction.NotFound", "InvalidVersion", "RequestEntityTooLarge",
            "UnsupportedHTTPMethod", "InvalidPath.NotFound", "RequestURITooLong", "RequestHeaderFieldsTooLarge",
            "MalformedRequest", "InvalidParameter.ContentType",
            // signature and authentication
            "IncompleteSignature", "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive", "SignatureDoesNotMatch",
            "InvalidTimeStamp.Format", "InvalidTimeStamp.Expired", "SignatureNonceUsed", "InvalidParameter.ContentSha256",
            // identity and policy
            "Forbidden.SecurityToken", "Forbidden.UserDisabled", "Forbidden.OpTenantId", "Forbidden.RAM", "Forbidden.NoPermission",
            // throttling and quota
            "Throttling.User", "DailyLimitExceeded", "QuotaExceeded.MonthlyFree",
            // dispatch
            "NotImplemented", "InternalError", "ServiceUnavailable", "OperationConflict",
            // any module's objects
            "EntityNotExist", "EntityAlreadyExist", "OperationDenied.InUse", "EntityNotConfigured", "UnsupportedOperation");

    @Test
    void popErrorsCreatesOnlyGenericCodes() throws Exception {
        Set<String> codes = new TreeSet<>();
        for (Method method : PopErrors.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || method.getReturnType() != PopError.class) continue;
            Object[] arguments = Arrays.stream(method.getParameterTypes()).map(PopErrorsScopeTest::sample).toArray();
            codes.add(((PopError) method.invoke(null, arguments)).code());
        }
        assertThat(codes).containsExactlyInAnyOrderElementsOf(GENERIC_CODES);
    }

    private static Object sample(Class<?> type) {
        if (type == int.class) return 1;
        if (type == long.class) return 1L;
        return "x";
    }
}
