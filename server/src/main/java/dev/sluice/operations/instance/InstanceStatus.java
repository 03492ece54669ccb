package dev.sluice.operations.instance;

/**
 * Where an instance stands, in the contract's words ({@code RunStatusList}): waiting for its due time and upstreams,
 * waiting for a slot of its source, running, or final. Paused and terminated are flags beside the status, as the
 * contract's {@code StatusList} shows them.
 */
public enum InstanceStatus {
    WAIT_SCHEDULE, WAIT_RESOURCE, RUNNING, SUCCESS, FAILED;

    public boolean isFinal() {
        return this == SUCCESS || this == FAILED;
    }
}
