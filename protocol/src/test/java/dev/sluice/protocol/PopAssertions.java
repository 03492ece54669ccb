package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts on the {@link PopError} a piece of code refuses with. */
public final class PopAssertions {

    private PopAssertions() {
    }

    public static ObjectAssert<PopError> assertRefusedWith(ThrowingCallable call) {
        var thrown = assertThatThrownBy(call).isInstanceOf(PopException.class).actual();
        return new ObjectAssert<>(((PopException) thrown).error());
    }
}
