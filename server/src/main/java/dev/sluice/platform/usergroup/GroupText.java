package dev.sluice.platform.usergroup;

import dev.sluice.protocol.PopErrors;

/** Checks of the free-text fields of a group. */
final class GroupText {

    static final int MAX_NAME = 128;
    static final int MAX_DESCRIPTION = 512;

    private GroupText() {
    }

    static String name(String value, String path) {
        if (value == null || value.isBlank()) throw PopErrors.missingParameter(path).exception();
        String name = value.trim();
        if (name.length() > MAX_NAME) {
            throw PopErrors.invalidParameter(path, "at most " + MAX_NAME + " characters, got " + name.length()).exception();
        }
        return name;
    }

    static String description(String value, String path) {
        if (value != null && value.length() > MAX_DESCRIPTION) {
            throw PopErrors.invalidParameter(path, "at most " + MAX_DESCRIPTION + " characters, got " + value.length()).exception();
        }
        return value;
    }
}
