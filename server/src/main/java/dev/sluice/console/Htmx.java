package dev.sluice.console;

import jakarta.servlet.http.HttpServletRequest;

/** htmx sends {@code HX-Request: true} when it asks for part of a page; screens then answer only that fragment. */
public final class Htmx {

    private Htmx() {
    }

    public static boolean isPartial(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
