package dev.sluice.governance;

import java.time.Instant;
import java.util.function.Predicate;

import dev.sluice.account.Credential;
import dev.sluice.catalog.Operation;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call travelling through the admission chain. Steps read what earlier steps established and add their own
 * finding: authentication sets the credential, the request-shape step the bound parameters.
 */
public final class Call {

    private final String requestId;
    private final Instant receivedAt;
    private final SignedRequest request;
    private final Operation operation;
    private Credential credential;
    private String namedAccessKeyId;
    private boolean securityToken;
    private ObjectNode parameters;
    private boolean admitted;
    private boolean billable;
    private Runnable giveBack;
    private DeferredNonce deferredNonce;

    /**
     * A nonce left to the counters, with the registry that records it otherwise, the step a replay is reported under,
     * and what to do once it is recorded as new (count it in the key's nonce budget).
     */
    private record DeferredNonce(NonceClaim claim, Predicate<NonceClaim> registry, AdmissionStep step, Runnable firstUse) {
    }

    public Call(String requestId, Instant receivedAt, SignedRequest request, Operation operation) {
        this.requestId = requestId;
        this.receivedAt = receivedAt;
        this.request = request;
        this.operation = operation;
    }

    public String requestId() {
        return requestId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public SignedRequest request() {
        return request;
    }

    public Operation operation() {
        return operation;
    }

    /** The verified credential; null until {@link Authenticate} passed. */
    public Credential credential() {
        return credential;
    }

    /**
     * The AccessKeyId the request names, verified or not: for the logs only. A refusal is never recorded against it
     * before the signature verified, since anyone can name anyone's key.
     */
    public String namedAccessKeyId() {
        return credential != null ? credential.accessKeyId() : namedAccessKeyId;
    }

    void named(String accessKeyId) {
        this.namedAccessKeyId = accessKeyId;
    }

    void authenticated(Credential credential, boolean carriesSecurityToken) {
        this.credential = credential;
        this.securityToken = carriesSecurityToken;
    }

    /**
     * Leaves the nonce to be recorded by the counters (cluster mode); {@code registry} records it instead if the
     * call never gets there. {@code by} is the step a replay is reported under.
     */
    void deferNonce(NonceClaim nonce, Predicate<NonceClaim> registry, AdmissionStep by) {
        deferNonce(nonce, registry, by, () -> { });
    }

    /** As {@link #deferNonce(NonceClaim, Predicate, AdmissionStep)}; {@code firstUse} runs once the nonce is recorded as new. */
    void deferNonce(NonceClaim nonce, Predicate<NonceClaim> registry, AdmissionStep by, Runnable firstUse) {
        this.deferredNonce = new DeferredNonce(nonce, registry, by, firstUse);
    }

    /** The nonce still to be recorded, or null. */
    NonceClaim deferredNonce() {
        return deferredNonce == null ? null : deferredNonce.claim();
    }

    /** The step that deferred the nonce, or null. */
    AdmissionStep nonceStep() {
        return deferredNonce == null ? null : deferredNonce.step();
    }

    /** The counters recorded the nonce with the counts (or found it replayed). */
    void nonceRecorded() {
        deferredNonce = null;
    }

    /** The counters recorded the nonce with the counts, as a new one. */
    void nonceFirstUsed() {
        DeferredNonce pending = deferredNonce;
        deferredNonce = null;
        if (pending != null) pending.firstUse().run();
    }

    /** Records a still deferred nonce through the registry, once: false when it is a replay. */
    boolean recordDeferredNonce() {
        DeferredNonce pending = deferredNonce;
        if (pending == null) return true;
        deferredNonce = null;
        boolean first = pending.registry().test(pending.claim());
        if (first) pending.firstUse().run();
        return first;
    }

    /** True when the call was signed with a role's temporary credentials. */
    public boolean carriesSecurityToken() {
        return securityToken;
    }

    /** The operation's parameters, validated and typed; null until {@link RequestShape} passed. */
    public ObjectNode parameters() {
        return parameters;
    }

    void bound(ObjectNode parameters) {
        this.parameters = parameters;
    }

    void admitted(boolean billable, Runnable giveBack) {
        this.admitted = true;
        this.billable = billable;
        this.giveBack = giveBack;
    }

    /**
     * Returns to the counters what admitting this call took, because it will not be answered after all (its ledger
     * record could not be committed, so the caller gets 503). Does nothing the second time, or if nothing was taken.
     */
    public void giveBack() {
        Runnable pending = giveBack;
        giveBack = null;
        if (pending != null) {
            admitted = false;
            pending.run();
        }
    }

    /** True once the counters took this call: from here on it counts, whatever the operation answers. */
    public boolean counted() {
        return admitted;
    }

    /** True when the call is beyond the monthly free quota and billed pay-as-you-go. */
    public boolean billable() {
        return billable;
    }
}
