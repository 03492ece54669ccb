package dev.sluice.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.dispatch.Caller;
import dev.sluice.governance.AdmissionChain;
import dev.sluice.governance.Call;
import dev.sluice.governance.SignedRequest;
import dev.sluice.protocol.FormParameters;
import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.PopException;
import dev.sluice.protocol.Wire;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * The RPC endpoint at {@code /}: reads the request off the wire, lets the admission chain decide, dispatches, and
 * writes the answer. All protocol decisions live in the chain and the dispatcher; this class only translates.
 */
@Controller
class RpcEndpoint {

    private static final Logger log = LoggerFactory.getLogger(RpcEndpoint.class);

    /**
     * Most parameters a request may carry, query and form together. Structs and lists travel as one JSON string
     * each, so an honest call has a handful plus the signature's; a thousand is only work for the decoder and the
     * signature check.
     */
    static final int MAX_PARAMETERS = 1000;

    private final Catalog catalog;
    private final AdmissionChain chain;
    private final Envelopes envelopes;
    private final Clock clock;
    private final GatewaySettings settings;
    private final CallMeter meter;
    private final RecordedWrites writes;

    RpcEndpoint(Catalog catalog, AdmissionChain chain, RecordedWrites writes, Clock clock, GatewaySettings settings, CallMeter meter) {
        this.catalog = catalog;
        this.chain = chain;
        this.clock = clock;
        this.settings = settings;
        this.meter = meter;
        this.writes = writes;
        this.envelopes = new Envelopes(settings.hostId());
    }

    @RequestMapping(path = "/", method = {RequestMethod.POST, RequestMethod.GET})
    ResponseEntity<byte[]> call(HttpServletRequest http) {
        String requestId = RequestIds.next();
        try {
            SignedRequest request = read(http);
            Operation operation = operationOf(request);
            Call call = new Call(requestId, clock.instant(), request, operation);
            AdmissionChain.Outcome outcome = chain.admit(call);
            if (!outcome.admitted()) {
                meter.refused(call, outcome, http.getRemoteAddr());
                return error(requestId, outcome.verdict().error(), outcome.verdict().headers());
            }
            return dispatchAndMeter(call, outcome.verdict().headers());
        } catch (PopException refused) {
            return error(requestId, refused.error(), Map.of());
        } catch (DataAccessException storage) {
            log.error("request {} failed on storage", requestId, storage);
            return error(requestId, PopErrors.serviceUnavailable("the database cannot be reached."), Map.of());
        } catch (RuntimeException bug) {
            log.error("request {} failed", requestId, bug);
            return error(requestId, PopErrors.internalError(), Map.of());
        }
    }

    /**
     * Runs an admitted call and answers only once its ledger record is committed. A business error of the operation
     * is answered as such and still counts. If the ledger cannot commit, the caller gets 503: no call is ever
     * answered without its record. A write's change commits with its call intent (RecordedWrites), which stands for
     * its record until the record is committed.
     */
    private ResponseEntity<byte[]> dispatchAndMeter(Call call, Map<String, String> headers) {
        var credential = call.credential();
        String requestId = call.requestId();
        Caller caller = new Caller(credential.account(), credential.tenant(), credential.user(), credential.accessKeyId(), requestId,
                call.operation());
        PopError failure = null;
        byte[] body = null;
        RecordedWrites.Dispatched dispatched = null;
        try {
            dispatched = writes.dispatch(call, caller);
            body = envelopes.success(requestId, dispatched.data());
        } catch (PopException businessError) {
            failure = businessError.error();
        } catch (DataAccessException storage) {
            log.error("request {} failed on storage", requestId, storage);
            failure = PopErrors.serviceUnavailable("the database cannot be reached.");
        } catch (RuntimeException bug) {
            log.error("request {} failed", requestId, bug);
            failure = PopErrors.internalError();
        }
        if (call.counted()) { // false only with governance switched off (the benchmark baseline)
            boolean recorded = failure == null ? meter.admitted(call, 200, "OK") : meter.admitted(call, failure.httpStatus(), failure.code());
            writes.settled(call, dispatched);
            if (!recorded) {
                // The counters took this call; it is answered 503 and never billed, so it must not count either. Unless
                // its change committed: its intent becomes its record later, and it is billed all the same.
                if (dispatched == null || !dispatched.intentCommitted()) call.giveBack();
                return error(requestId, PopErrors.serviceUnavailable("the call could not be metered, so it was not answered."), Map.of());
            }
        }
        return failure == null ? answer(200, requestId, body, headers) : error(requestId, failure, headers);
    }

    /**
     * Which operation the request asks for: Action and Version from what its signature covers, never from what it
     * does not. Decided here, before the chain, so the rule is stated once for both schemes:
     * <ul>
     * <li>Classic (HMAC-SHA1, no {@code Authorization} header): the signature covers the query and form parameters
     * only, no header. Action and Version come from the parameters; an {@code x-acs-action}/{@code x-acs-version}
     * header that disagrees is refused (one that agrees, as aliyun-java-sdk-core sends, changes nothing). Otherwise
     * anyone could re-aim a captured or self-signed read at a write by adding a header.</li>
     * <li>ACS3: the signature covers every {@code x-acs-*} header and {@code host} ({@code Acs3Signature.verify}
     * refuses a request where one is present but not in SignedHeaders), the query, and the body through its hash.
     * The header comes first, as tea-openapi sends it; a parameter that disagrees with it is refused.</li>
     * </ul>
     * The other headers the server reads were audited for the same flaw: {@code authorization} only selects the
     * scheme (the other one then fails to verify); {@code x-acs-date}, {@code x-acs-signature-nonce},
     * {@code x-acs-content-sha256} and {@code x-acs-security-token} are read in the ACS3 scheme only, where they
     * must be signed (a classic request's {@code x-acs-security-token} is ignored; its token travels as the signed
     * {@code SecurityToken} parameter); {@code content-type} only lets a body be read as a form, and that body is
     * then signed (classic: its parameters; ACS3: its hash); {@code host} and the path decide nothing (the RPC API
     * is only at {@code /}, the canonical URI of both schemes); the method is signed in both.
     */
    private Operation operationOf(SignedRequest request) {
        Map<String, String> parameters = request.parameters();
        boolean acs3 = request.header(Wire.HEADER_AUTHORIZATION) != null;
        String action = decide(acs3, request.header(Wire.HEADER_ACTION), Wire.HEADER_ACTION, parameters.get(Wire.ACTION), Wire.ACTION);
        if (action == null) throw PopErrors.missingAction().exception();
        String version = decide(acs3, request.header(Wire.HEADER_VERSION), Wire.HEADER_VERSION,
                parameters.get(Wire.VERSION_PARAM), Wire.VERSION_PARAM);
        if (version == null) throw PopErrors.missingVersion().exception();
        if (!Wire.VERSION.equals(version)) throw PopErrors.invalidVersion(version).exception();
        return catalog.find(action).orElseThrow(() -> PopErrors.actionNotFound(action).exception());
    }

    /** The value of a header/parameter pair as {@link #operationOf} rules; null when neither is given. */
    private static String decide(boolean acs3, String header, String headerName, String parameter, String parameterName) {
        boolean hasHeader = header != null && !header.isEmpty();
        boolean hasParameter = parameter != null && !parameter.isEmpty();
        if (hasHeader && hasParameter && !header.equals(parameter)) {
            throw PopErrors.headerDisagrees(headerName, header, parameterName, parameter, acs3
                    ? "send one of them, or the same value in both."
                    : "with the HMAC-SHA1 signature, which covers no header, it comes from the signed parameter only.").exception();
        }
        if (acs3) return hasHeader ? header : hasParameter ? parameter : null;
        return hasParameter ? parameter : null;
    }

    private SignedRequest read(HttpServletRequest http) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) headers.put(name.toLowerCase(Locale.ROOT), http.getHeader(name));
        String rawQuery = http.getQueryString();
        byte[] body = readBody(http);
        String encodedForm = "";
        if (body.length > 0) {
            String contentType = http.getContentType() == null ? "" : http.getContentType().toLowerCase(Locale.ROOT);
            if (!contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
                throw PopErrors.unsupportedContentType(PopErrors.excerpt(http.getContentType())).exception();
            }
            encodedForm = new String(body, StandardCharsets.UTF_8);
        }
        // Counted before anything is decoded. The servlet container's own limit (maxParameterCount) never applies:
        // this endpoint reads the query string and the body itself.
        int count = FormParameters.count(rawQuery) + FormParameters.count(encodedForm);
        if (count > MAX_PARAMETERS) throw PopErrors.tooManyParameters(count, MAX_PARAMETERS).exception();
        Map<String, String> query = rawQuery == null ? Map.of() : decode(rawQuery, "query string");
        Map<String, String> form = encodedForm.isEmpty() ? Map.of() : decode(encodedForm, "form body");
        try {
            return new SignedRequest(http.getMethod(), query, form, headers, body);
        } catch (IllegalArgumentException twice) {
            throw PopErrors.invalidParameter("parameters", twice.getMessage()).exception();
        }
    }

    private static Map<String, String> decode(String encoded, String where) {
        try {
            return FormParameters.parse(encoded);
        } catch (IllegalArgumentException malformed) {
            throw PopErrors.invalidParameter(where, malformed.getMessage()).exception();
        }
    }

    /** Reads at most the configured number of bytes, refusing larger bodies without buffering them. */
    private byte[] readBody(HttpServletRequest http) {
        long limit = settings.maxBodyBytes();
        if (http.getContentLengthLong() > limit) throw PopErrors.bodyTooLarge(limit).exception();
        try (InputStream in = http.getInputStream()) {
            byte[] body = in.readNBytes((int) limit + 1);
            if (body.length > limit) throw PopErrors.bodyTooLarge(limit).exception();
            return body;
        } catch (IOException e) {
            throw PopErrors.invalidParameter("body", "the request body could not be read").exception();
        }
    }

    private ResponseEntity<byte[]> error(String requestId, PopError error, Map<String, String> headers) {
        return answer(error.httpStatus(), requestId, envelopes.error(requestId, error), headers);
    }

    private static ResponseEntity<byte[]> answer(int status, String requestId, byte[] body, Map<String, String> extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("x-acs-request-id", requestId);
        extra.forEach(headers::set);
        return ResponseEntity.status(status).headers(headers).body(body);
    }
}
