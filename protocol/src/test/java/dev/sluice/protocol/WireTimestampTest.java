package dev.sluice.protocol;

import static dev.sluice.protocol.PopAssertions.assertRefusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireTimestampTest {

    @Test
    void parsesTheWireFormat() {
        assertThat(WireTimestamp.parse("2016-02-23T12:46:24Z")).isEqualTo(Instant.parse("2016-02-23T12:46:24Z"));
    }

    @Test
    void toleratesFractionalSeconds() {
        assertThat(WireTimestamp.parse("2016-02-23T12:46:24.123Z")).isEqualTo(Instant.parse("2016-02-23T12:46:24.123Z"));
    }

    @Test
    void formatsToWholeSecondsInUtc() {
        assertThat(WireTimestamp.format(Instant.parse("2023-10-26T10:22:32.987Z"))).isEqualTo("2023-10-26T10:22:32Z");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "2016-02-23 12:46:24", "2016-02-23T12:46:24", "2016-02-23T12:46:24+08:00",
            "2016-13-23T12:46:24Z", "2016-02-30T12:46:24Z", "2016-02-23T25:46:24Z", "1456231584", "2016-02-23T12:46:24.Z"})
    void refusesAnythingElseWithTheTimestampFormatError(String value) {
        assertRefusedWith(() -> WireTimestamp.parse(value))
                .satisfies(error -> assertThat(error.code()).isEqualTo("InvalidTimeStamp.Format"))
                .satisfies(error -> assertThat(error.message()).contains(String.valueOf(value)));
    }
}
