package dev.sluice.protocol.signature;

import dev.sluice.protocol.PopErrors;

/**
 * Limits on the signature fields a server keeps or looks up before it knows who signed: the nonce becomes part of a
 * stored key (the nonce registry, a Redis key in cluster mode) and the AccessKey id a lookup, both before the
 * signature is checked. Without a bound, one request could make the server remember half a megabyte for the whole
 * clock window. Alibaba Cloud's clients send a UUID (36 characters) or 32 hex digits as the nonce, and AccessKey ids of
 * about 24 characters, so 64 printable ASCII characters refuse no honest client.
 */
public final class SignatureBounds {

    /** Longest {@code SignatureNonce} / {@code x-acs-signature-nonce}, and longest AccessKey id. */
    public static final int MAX_LENGTH = 64;

    private SignatureBounds() {
    }

    /**
     * @param field the parameter or header the value came in, named in the refusal
     * @return {@code value}, when it is 1 to {@value #MAX_LENGTH} printable ASCII characters other than space
     * @throws dev.sluice.protocol.PopException {@code InvalidParameter} (400) naming {@code field} otherwise; the message
     *                                          never repeats the value, which may be huge or unprintable
     */
    public static String check(String field, String value) {
        if (value.length() > MAX_LENGTH) {
            throw PopErrors.invalidParameter(field, "it is " + value.length() + " characters long; at most "
                    + MAX_LENGTH + " are accepted.").exception();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw PopErrors.invalidParameter(field, "it contains the character U+" + String.format("%04X", (int) c)
                        + " at position " + i + "; only printable ASCII characters other than space are accepted.").exception();
            }
        }
        return value;
    }
}
