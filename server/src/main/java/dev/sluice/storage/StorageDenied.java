package dev.sluice.storage;

/** A refusal of the embedded endpoint, answered as S3 answers it: an XML error with its code and HTTP status. */
final class StorageDenied extends RuntimeException {

    private final int status;
    private final String code;

    StorageDenied(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static StorageDenied accessDenied(String message) {
        return new StorageDenied(403, "AccessDenied", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
