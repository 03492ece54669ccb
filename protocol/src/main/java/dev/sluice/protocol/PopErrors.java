package dev.sluice.protocol;

/**
 * The generic error codes of the wire protocol, in one place: request shape, signature, authentication, policy,
 * throttling and quota, dispatch, and the refusals every module's objects share (not found, forbidden, exists, in use,
 * unsupported, not configured). Names and statuses mirror those that Alibaba Cloud's POP gateway answers for the same
 * situation; messages are Sluice's own and always name what was wrong.
 *
 * <p>A code that belongs to one feature lives in a small {@code ...Errors} class of the module that raises it (e.g.
 * {@code platform.source.SourceErrors}, {@code system.OutboundErrors}); {@code PopErrorsScopeTest} pins this list.
 */
public final class PopErrors {

    private PopErrors() {
    }

    // --- request shape -------------------------------------------------------------------------------------------

    public static PopError missingParameter(String path) {
        return new PopError("MissingParameter", 400,
                "The required parameter '" + path + "' is missing.");
    }

    public static PopError invalidParameter(String path, String problem) {
        return new PopError("InvalidParameter", 400,
                "The parameter '" + path + "' is invalid: " + problem);
    }

    public static PopError actionNotFound(String action) {
        return new PopError("InvalidAction.NotFound", 404,
                "The action '" + excerpt(action) + "' does not exist in version " + Wire.VERSION + ".",
                "Check the spelling and case of Action; the catalog lists every operation.");
    }

    public static PopError missingAction() {
        return new PopError("MissingParameter", 400, "The required parameter 'Action' is missing.");
    }

    public static PopError missingVersion() {
        return new PopError("MissingParameter", 400, "The required parameter 'Version' is missing.");
    }

    public static PopError invalidVersion(String version) {
        return new PopError("InvalidVersion", 400,
                "The version '" + excerpt(version) + "' is not supported; this service speaks version " + Wire.VERSION + ".");
    }

    public static PopError bodyTooLarge(long limitBytes) {
        return new PopError("RequestEntityTooLarge", 413,
                "The request body is larger than the limit of " + limitBytes + " bytes.");
    }

    public static PopError unsupportedMethod(String method) {
        return new PopError("UnsupportedHTTPMethod", 405,
                "The HTTP method " + method + " is not supported; use POST (or GET).");
    }

    /** A header that decides something the signature does not cover disagrees with what the signature does cover. */
    public static PopError headerDisagrees(String header, String headerValue, String parameter, String parameterValue, String why) {
        return invalidParameter(header, "it says '" + excerpt(headerValue) + "' but the parameter " + parameter + " says '"
                + excerpt(parameterValue) + "'; " + why);
    }

    public static PopError tooManyParameters(int sent, int limit) {
        return invalidParameter("parameters", "the request has " + sent + " parameters in its query and body together; at most "
                + limit + " are accepted.");
    }

    // --- the HTTP edge: what the server answers before a request reaches the API -----------------------------------

    public static PopError pathNotFound(String path) {
        return new PopError("InvalidPath.NotFound", 404,
                "There is no API at the path '" + excerpt(path) + "'; the RPC API is served at '/'.");
    }

    public static PopError requestUriTooLong(int limitBytes) {
        return new PopError("RequestURITooLong", 414,
                "The request line is longer than the limit of " + limitBytes + " bytes; send parameters in a form body.");
    }

    public static PopError requestHeaderTooLarge(int limitBytes) {
        return new PopError("RequestHeaderFieldsTooLarge", 431,
                "The request line and headers together are larger than the limit of " + limitBytes + " bytes.");
    }

    public static PopError malformedRequest(String why) {
        // Tomcat's own words, which quote part of the request: kept whole up to a sensible length.
        String said = why.length() <= 300 ? why : why.substring(0, 300) + "…";
        return new PopError("MalformedRequest", 400, "The HTTP request is malformed: " + said);
    }

    public static PopError unsupportedContentType(String contentType) {
        return new PopError("InvalidParameter.ContentType", 415,
                "The content type '" + contentType + "' is not supported; send application/x-www-form-urlencoded.");
    }

    /**
     * A value a client sent, shortened for a message: an error quotes what was wrong, but a request of a megabyte must not
     * come back as a megabyte (nor fill a log).
     */
    public static String excerpt(String value) {
        if (value == null) return "null";
        return value.length() <= 64 ? value : value.substring(0, 64) + "… (" + value.length() + " characters)";
    }

    // --- authentication ------------------------------------------------------------------------------------------

    public static PopError missingSignatureField(String field) {
        return new PopError("IncompleteSignature", 400,
                "The request is not signed completely: '" + field + "' is missing.");
    }

    public static PopError unsupportedSignature(String what) {
        return new PopError("IncompleteSignature", 400,
                "The signature scheme is not supported: " + what + ". Use HMAC-SHA1 (SignatureVersion 1.0) or ACS3-HMAC-SHA256.");
    }

    public static PopError accessKeyNotFound(String accessKeyId) {
        return new PopError("InvalidAccessKeyId.NotFound", 404,
                "The AccessKey '" + accessKeyId + "' does not exist.");
    }

    public static PopError accessKeyDisabled(String accessKeyId) {
        return new PopError("InvalidAccessKeyId.Inactive", 400,
                "The AccessKey '" + accessKeyId + "' is disabled.");
    }

    public static PopError signatureMismatch() {
        return new PopError("SignatureDoesNotMatch", 400,
                "The request signature does not match the one computed by the server.",
                "Check the AccessKey secret and that the client signs exactly the parameters it sends.");
    }

    public static PopError timestampFormat(String value) {
        return new PopError("InvalidTimeStamp.Format", 400,
                "The timestamp '" + excerpt(value) + "' is not in the format yyyy-MM-dd'T'HH:mm:ss'Z' (UTC).");
    }

    public static PopError timestampExpired(String value, long windowMinutes) {
        return new PopError("InvalidTimeStamp.Expired", 400,
                "The timestamp '" + value + "' is more than " + windowMinutes + " minutes away from the server time.",
                "Synchronise the client clock.");
    }

    public static PopError nonceUsed(String nonce) {
        return new PopError("SignatureNonceUsed", 400,
                "The signature nonce '" + nonce + "' was already used; every request needs a fresh nonce.");
    }

    /** One AccessKey sent more signed requests than its nonces may take in the window: its new ones wait. */
    public static PopError nonceBudgetExceeded(String accessKeyId, int perKey, long windowMinutes) {
        return new PopError("Throttling.User", 429,
                "Request was denied by flow control: AccessKey " + accessKeyId + " sent more than " + perKey
                        + " signed requests in " + windowMinutes + " minutes.",
                "Slow down and retry after the time in the Retry-After header.");
    }

    public static PopError contentHashMismatch() {
        return new PopError("InvalidParameter.ContentSha256", 400,
                "The x-acs-content-sha256 header does not match the SHA-256 of the request body.");
    }

    // --- identity --------------------------------------------------------------------------------------------------

    public static PopError securityTokenRefused() {
        return new PopError("Forbidden.SecurityToken", 403,
                "Calls signed with a role's temporary credentials (a security token) are not accepted.",
                "Sign with the AccessKey of the account or of one of its users.");
    }

    public static PopError userDisabled(String userName) {
        return new PopError("Forbidden.UserDisabled", 403, "The user '" + userName + "' is disabled.");
    }

    public static PopError tenantMismatch(String opTenantId) {
        return new PopError("Forbidden.OpTenantId", 403,
                "OpTenantId " + opTenantId + " is not the tenant of the calling account.");
    }

    // --- policy ------------------------------------------------------------------------------------------------------

    public static PopError policyDenied(String action, String why) {
        return new PopError("Forbidden.RAM", 403,
                "The caller is not authorized to call " + action + ": " + why,
                "Attach the full-access policy to the user, or call a read operation.");
    }

    public static PopError adminRequired(String action, String roles) {
        return new PopError("Forbidden.NoPermission", 403,
                action + " may only be called by " + roles + ".");
    }

    // --- counted admission -----------------------------------------------------------------------------------------

    public static PopError throttled(String limit, String plan) {
        return new PopError("Throttling.User", 429,
                "Request was denied by flow control: " + limit + " for plan " + plan + ".",
                "Slow down and retry after the time in the Retry-After header.");
    }

    public static PopError dailyLimitExceeded(String limit, String plan) {
        return new PopError("DailyLimitExceeded", 429,
                "The account reached its " + limit + " for plan " + plan + " today.",
                "Calls are accepted again from midnight; see Retry-After.");
    }

    public static PopError monthlyQuotaExceeded(String limit, String plan) {
        return new PopError("QuotaExceeded.MonthlyFree", 429,
                "The account used its " + limit + " for plan " + plan + " and pay-as-you-go is not enabled.",
                "Enable pay-as-you-go or wait for the quota to restart on the 1st; see Retry-After.");
    }

    // --- dispatch ----------------------------------------------------------------------------------------------------

    public static PopError notImplemented(String action) {
        return new PopError("NotImplemented", 501,
                "The operation '" + action + "' is part of the API but is not implemented by this server yet.");
    }

    public static PopError internalError() {
        return new PopError("InternalError", 500,
                "The request processing has failed due to an internal error.",
                "Retry later; if it persists, report the RequestId to the operator.");
    }

    public static PopError serviceUnavailable(String why) {
        return new PopError("ServiceUnavailable", 503, "The service is temporarily unavailable: " + why);
    }

    /**
     * A write collided with stored data, usually a concurrent identical write that took the unique name or key first:
     * a 4xx, since retrying the same request will not succeed while the other write stands.
     */
    public static PopError operationConflict(String action) {
        return new PopError("OperationConflict", 409,
                action + " conflicts with data stored at the same time (a name or key that must be unique, or an object it refers to); nothing was changed.",
                "Read the current state, then repeat the request if it is still needed.");
    }

    // --- generic refusals of any module's objects ---------------------------------------------------------------------

    public static PopError notFound(String what, Object id) {
        return new PopError("EntityNotExist", 404, "The " + what + " '" + id + "' does not exist.");
    }

    public static PopError forbidden(String why) {
        return new PopError("Forbidden.NoPermission", 403, why);
    }

    public static PopError alreadyExists(String what, Object name) {
        return new PopError("EntityAlreadyExist", 409, "The " + what + " '" + name + "' exists already.");
    }

    /** The object cannot be changed or removed while something else still uses it. */
    public static PopError inUse(String what, Object id, String usedBy) {
        return new PopError("OperationDenied.InUse", 409, "The " + what + " '" + id + "' is in use: " + usedBy + ".");
    }

    /** What was asked for would come from configuration that the object does not have. */
    public static PopError notConfigured(String what, String advice) {
        return new PopError("EntityNotConfigured", 404, what, advice);
    }

    public static PopError unsupported(String what) {
        return new PopError("UnsupportedOperation", 400, what);
    }
}
