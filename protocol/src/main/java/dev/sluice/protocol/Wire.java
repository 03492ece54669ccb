package dev.sluice.protocol;

/** Constants of the RPC wire format: the API version and the names of the common parameters and headers. */
public final class Wire {

    public static final String VERSION = "2023-06-30";

    public static final String ACTION = "Action";
    public static final String VERSION_PARAM = "Version";
    public static final String ACCESS_KEY_ID = "AccessKeyId";
    public static final String SIGNATURE = "Signature";
    public static final String SIGNATURE_METHOD = "SignatureMethod";
    public static final String SIGNATURE_VERSION = "SignatureVersion";
    public static final String SIGNATURE_NONCE = "SignatureNonce";
    public static final String TIMESTAMP = "Timestamp";
    public static final String SECURITY_TOKEN = "SecurityToken";
    public static final String FORMAT = "Format";

    public static final String HEADER_AUTHORIZATION = "authorization";
    public static final String HEADER_ACTION = "x-acs-action";
    public static final String HEADER_VERSION = "x-acs-version";
    public static final String HEADER_DATE = "x-acs-date";
    public static final String HEADER_NONCE = "x-acs-signature-nonce";
    public static final String HEADER_CONTENT_SHA256 = "x-acs-content-sha256";
    public static final String HEADER_SECURITY_TOKEN = "x-acs-security-token";

    private Wire() {
    }
}
