package dev.sluice.catalog;

/**
 * Where the official clients put a parameter: simple values in the query string, JSON-encoded structures in the form
 * body. The server accepts either in either place; this only records what clients do.
 */
public enum ParamLocation {
    QUERY,
    BODY
}
