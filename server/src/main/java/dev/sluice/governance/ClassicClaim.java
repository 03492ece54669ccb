package dev.sluice.governance;

import java.time.Instant;

import dev.sluice.protocol.signature.ClassicRpcSignature;
import dev.sluice.protocol.signature.ClassicSignatureFields;

/** The classic RPC signature: HMAC-SHA1 over all query and form parameters, carried as parameters itself. */
record ClassicClaim(SignedRequest request, ClassicSignatureFields fields) implements SignatureClaim {

    static ClassicClaim of(SignedRequest request) {
        return new ClassicClaim(request, ClassicSignatureFields.read(request.parameters()));
    }

    @Override
    public String accessKeyId() {
        return fields.accessKeyId();
    }

    @Override
    public String nonce() {
        return fields.nonce();
    }

    @Override
    public String rawTimestamp() {
        return fields.rawTimestamp();
    }

    @Override
    public Instant timestamp() {
        return fields.timestamp();
    }

    @Override
    public boolean securityToken() {
        return fields.securityToken() != null && !fields.securityToken().isEmpty();
    }

    @Override
    public void verify(String secret) {
        ClassicRpcSignature.verify(request.method(), request.parameters(), secret);
    }
}
