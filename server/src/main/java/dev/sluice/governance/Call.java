package dev.sluice.governance;

import java.time.Instant;

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
    private boolean securityToken;
    private ObjectNode parameters;

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

    void authenticated(Credential credential, boolean carriesSecurityToken) {
        this.credential = credential;
        this.securityToken = carriesSecurityToken;
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
}
