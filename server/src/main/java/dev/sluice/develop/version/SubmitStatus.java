package dev.sluice.develop.version;

/**
 * Where a submit stands: waiting for publishing, published, or superseded by a later submit of the same object before
 * it was published (only the latest submit of an object waits).
 */
public enum SubmitStatus {
    TO_BE_PUBLISHED, PUBLISHED, SUPERSEDED
}
