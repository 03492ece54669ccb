package dev.sluice.develop.version;

import java.util.Arrays;
import java.util.Optional;

/** What a submit changes in production; {@link #code()} is the number list operations show (0, 1, 2). */
public enum ChangeType {
    CREATE(0), UPDATE(1), DELETE(2);

    private final int code;

    ChangeType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ChangeType> ofCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
