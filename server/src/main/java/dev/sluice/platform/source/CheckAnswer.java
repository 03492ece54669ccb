package dev.sluice.platform.source;

/**
 * What the connectivity operations answer. A check that ran is a successful call whatever it found: {@code Data}
 * says whether the source answered and, when it did not, {@code Message} (which takes the place of the envelope's
 * "successful") says why, e.g. a refused password or no answer within the timeout.
 */
public record CheckAnswer(boolean data, String message) {

    public static CheckAnswer of(ProbeResult result) {
        return new CheckAnswer(result.connected(), result.connected() ? null : result.message());
    }
}
