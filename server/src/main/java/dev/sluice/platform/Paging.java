package dev.sluice.platform;

import dev.sluice.protocol.PopErrors;

/**
 * One page of a listing as the list operations ask for it: page numbers start at 1, absent values take the
 * defaults, and anything outside the bounds is refused with the parameter's own path rather than silently clamped.
 */
public record Paging(int pageNo, int pageSize) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 1000;

    /**
     * @param noPath   wire path of the page number, e.g. {@code ListQuery.PageNo}
     * @param sizePath wire path of the page size
     */
    public static Paging of(Integer pageNo, Integer pageSize, String noPath, String sizePath) {
        int no = pageNo == null ? 1 : pageNo;
        int size = pageSize == null ? DEFAULT_SIZE : pageSize;
        if (no < 1) throw PopErrors.invalidParameter(noPath, "pages are numbered from 1, got " + no).exception();
        if (size < 1 || size > MAX_SIZE) {
            throw PopErrors.invalidParameter(sizePath, "must be between 1 and " + MAX_SIZE + ", got " + size).exception();
        }
        return new Paging(no, size);
    }

    public long offset() {
        return (long) (pageNo - 1) * pageSize;
    }
}
