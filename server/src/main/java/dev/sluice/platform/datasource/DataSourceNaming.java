package dev.sluice.platform.datasource;

import dev.sluice.protocol.PopErrors;

/** Name and description rules of data sources: names are shown to people, so any text of 1 to 64 characters. */
final class DataSourceNaming {

    private DataSourceNaming() {
    }

    static String name(String given, String path) {
        String name = given.trim();
        if (name.isEmpty() || name.length() > 64) throw PopErrors.invalidParameter(path, "a name has 1 to 64 characters, got " + name.length()).exception();
        if (name.chars().anyMatch(Character::isISOControl)) throw PopErrors.invalidParameter(path, "a name must not contain control characters").exception();
        return name;
    }

    static String description(String given, String path) {
        if (given != null && given.length() > 1024) throw PopErrors.invalidParameter(path, "at most 1024 characters").exception();
        return given;
    }
}
