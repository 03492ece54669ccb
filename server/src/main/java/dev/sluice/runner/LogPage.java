package dev.sluice.runner;

/**
 * A slice of one statement's log. Offsets count characters of the log text from 0; read again from
 * {@code nextOffset} while {@code hasNext}, which stays true while the statement has not reached a final state (its
 * log may still grow) or more text remains.
 */
public record LogPage(String runId, int subTaskId, String content, long nextOffset, boolean hasNext, boolean hasResult,
                      RunState subTaskState, RunState runState) {
}
