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
    private Credential claimant;
    private boolean securityToken;
    private ObjectNode parameters;
    private boolean admitted;
    private boolean billable;
    private Runnable giveBack;
    private DeferredNonce deferredNonce;

    /** A nonce left to the counters, with the registry that records it otherwise and the step a replay is reported under. */
    private record DeferredNonce(NonceClaim claim, Predicate<NonceClaim> registry, AdmissionStep step) {
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

    /** The holder of the AccessKey the call names, verified or not: who a refusal is shown to. */
    public Credential claimant() {
        return credential != null ? credential : claimant;
    }

    void claimedBy(Credential holder) {
        this.claimant = holder;
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
        this.deferredNonce = new DeferredNonce(nonce, registry, by);
    }

    /** The nonce still to be recorded, or null. */
    NonceClaim deferredNonce() {
        return deferredNonce == null ? null : deferredNonce.claim();
    }

    /** The step that deferred the nonce, or null. */
    AdmissionStep nonceStep() {
        return deferredNonce == null ? null : deferredNonce.step();
    }

    /** The counters recorded the nonce with the counts. */
    void nonceRecorded() {
        deferredNonce = null;
    }

    /** Records a still deferred nonce through the registry, once: false when it is a replay. */
    boolean recordDeferredNonce() {
        DeferredNonce pending = deferredNonce;
        if (pending == null) return true;
        deferredNonce = null;
        return pending.registry().test(pending.claim());
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
