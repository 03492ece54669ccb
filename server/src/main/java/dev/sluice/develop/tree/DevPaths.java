package dev.sluice.develop.tree;

import java.util.ArrayList;
import java.util.List;

import dev.sluice.protocol.PopErrors;

/**
 * Names and paths in a development tree. A path is the names from the root, each after a {@code /}; it is read
 * leniently and answered in one normal form: {@code /a/b/}, {@code /a//b} and {@code a/b} all mean {@code /a/b}, and
 * {@code /} (or an empty path) is the root. Names are compared exactly, so {@code /A} and {@code /a} are two paths (as
 * the database's unique constraint compares them, on H2 and PostgreSQL alike).
 */
public final class DevPaths {

    /** The longest name, as the {@code dev_file.name} column and {@code catalog/text-rules.txt} allow. */
    public static final int MAX_NAME = 128;
    /** The longest full path of any node, as {@code catalog/text-rules.txt} allows for a directory parameter. */
    public static final int MAX_PATH = 1024;

    public static final String ROOT = "/";

    private DevPaths() {
    }

    /** A name for a new or renamed node, refused at {@code param} unless it is one usable path segment. */
    public static String name(String name, String param) {
        if (name == null || name.isEmpty()) throw PopErrors.missingParameter(param).exception();
        String problem = nameProblem(name);
        if (problem != null) throw PopErrors.invalidParameter(param, problem).exception();
        return name;
    }

    /** The segments of a path, each a valid name; refused at {@code param} otherwise. */
    public static List<String> segments(String path, String param) {
        if (path == null) throw PopErrors.missingParameter(param).exception();
        if (path.length() > MAX_PATH) throw PopErrors.invalidParameter(param, "a path has at most " + MAX_PATH + " characters").exception();
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) continue;
            String problem = nameProblem(segment);
            if (problem != null) throw PopErrors.invalidParameter(param, "'" + segment + "' in path '" + path + "': " + problem).exception();
            segments.add(segment);
        }
        return segments;
    }

    /** The normal form of a path: {@code /} and the names joined by {@code /}, without a trailing one. */
    public static String normal(String path, String param) {
        return join(segments(path, param));
    }

    static String join(List<String> segments) {
        return segments.isEmpty() ? ROOT : ROOT + String.join("/", segments);
    }

    /** The path of {@code name} in the directory at {@code directory}. */
    public static String child(String directory, String name) {
        return ROOT.equals(directory) ? ROOT + name : directory + "/" + name;
    }

    private static String nameProblem(String name) {
        if (name.isBlank()) return "a name must not be blank";
        if (name.contains("/")) return "a name must not contain '/'";
        if (name.equals(".") || name.equals("..")) return "'" + name + "' is not a usable name";
        if (name.length() > MAX_NAME) return "a name has at most " + MAX_NAME + " characters, got " + name.length();
        if (!name.equals(name.strip())) return "a name must not start or end with white space";
        if (name.chars().anyMatch(Character::isISOControl)) return "a name must not contain control characters";
        return null;
    }
}
