package dev.sluice.platform.source;

/** A type of compute or data source by its wire name, e.g. {@code POSTGRE_SQL}, {@code MAX_COMPUTE}. */
public record SourceType(String name, Reach reach) {

    public boolean checkable() {
        return reach != Reach.NONE;
    }
}
