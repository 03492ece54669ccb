package dev.sluice.runner;

/** Where a run, or one statement of it (a subtask), stands; the names are those the ad hoc operations show. */
public enum RunState {
    WAIT_RESOURCE, RUNNING, SUCCESS, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCESS || this == FAILED || this == CANCELLED;
    }
}
