package dev.sluice.platform.compute;

import dev.sluice.protocol.PopErrors;

/** Name and description rules shared by create and update. */
final class ComputeSourceNaming {

    private static final String NAME = "[A-Za-z][A-Za-z0-9_]{0,63}";

    private ComputeSourceNaming() {
    }

    static String name(String given, String path) {
        String name = given.trim();
        if (!name.matches(NAME)) {
            throw PopErrors.invalidParameter(path, "a name starts with a letter and has at most 64 letters, digits or underscores; got '" + given + "'").exception();
        }
        return name;
    }

    static String description(String given, String path) {
        if (given != null && given.length() > 1024) throw PopErrors.invalidParameter(path, "at most 1024 characters").exception();
        return given;
    }
}
