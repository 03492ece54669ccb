package dev.sluice.dispatch;

/**
 * Does the work of one operation. The request record is bound from the validated wire parameters (PascalCase wire
 * names map to camelCase components); the response record becomes the operation's data beside the envelope fields.
 * Refusals are thrown as {@link dev.sluice.protocol.PopException}.
 */
public interface OperationHandler<Q, R> {

    R handle(Caller caller, Q request);
}
