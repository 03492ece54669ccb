package dev.sluice.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.sluice.protocol.PopException;

class SignatureBoundsTest {

    @Test
    void aUuidAndSixtyFourPrintableCharactersPass() {
        assertThat(SignatureBounds.check("SignatureNonce", "3f2c1b9e-8a7d-4e5f-9a1b-2c3d4e5f6a7b")).hasSize(36);
        assertThat(SignatureBounds.check("SignatureNonce", "!~".repeat(32))).hasSize(64);
    }

    @Test
    void longerOrUnprintableValuesAreRefusedNamingTheFieldWithoutRepeatingTheValue() {
        String tooLong = "x".repeat(65);
        assertThatThrownBy(() -> SignatureBounds.check("x-acs-signature-nonce", tooLong))
                .isInstanceOfSatisfying(PopException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("InvalidParameter");
                    assertThat(e.error().httpStatus()).isEqualTo(400);
                    assertThat(e.error().message()).contains("'x-acs-signature-nonce'", "65 characters", "at most 64")
                            .doesNotContain(tooLong);
                });
        for (String odd : new String[] {"a b", "tab\t", "é", "\u0000", "\u007F"}) {
            assertThatThrownBy(() -> SignatureBounds.check("SignatureNonce", odd))
                    .isInstanceOfSatisfying(PopException.class, e -> assertThat(e.error().message()).contains("U+"));
        }
    }
}
