package dev.sluice.account;

/** A freshly created AccessKey with its secret: the only moment the secret exists outside the cipher. */
public record KeyPair(String accessKeyId, String accessKeySecret) {

    @Override
    public String toString() {
        return "KeyPair[" + accessKeyId + ", secret hidden]";
    }
}
