package dev.sluice.governance;

import java.time.Instant;

import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.Wire;
import dev.sluice.protocol.WireTimestamp;
import dev.sluice.protocol.signature.Acs3Authorization;
import dev.sluice.protocol.signature.Acs3Signature;
import dev.sluice.protocol.signature.SignatureBounds;

/** The ACS3-HMAC-SHA256 header signature: canonical request over method, query, signed headers and body hash. */
record Acs3Claim(SignedRequest request, Acs3Authorization authorization, String rawTimestamp, Instant timestamp, String nonce)
        implements SignatureClaim {

    static Acs3Claim of(SignedRequest request, String header) {
        Acs3Authorization authorization = Acs3Authorization.parse(header);
        String date = request.header(Wire.HEADER_DATE);
        if (date == null || date.isEmpty()) throw PopErrors.missingSignatureField(Wire.HEADER_DATE).exception();
        String nonce = request.header(Wire.HEADER_NONCE);
        if (nonce == null || nonce.isEmpty()) throw PopErrors.missingSignatureField(Wire.HEADER_NONCE).exception();
        // Bounded here, before Authenticate records it anywhere (see SignatureBounds); the classic fields do the same.
        SignatureBounds.check(Wire.HEADER_NONCE, nonce);
        return new Acs3Claim(request, authorization, date, WireTimestamp.parse(date), nonce);
    }

    @Override
    public String accessKeyId() {
        return authorization.accessKeyId();
    }

    @Override
    public boolean securityToken() {
        String token = request.header(Wire.HEADER_SECURITY_TOKEN);
        return token != null && !token.isEmpty();
    }

    @Override
    public void verify(String secret) {
        Acs3Signature.verify(request.method(), request.query(), request.headers(), request.body(), authorization, secret);
    }
}
