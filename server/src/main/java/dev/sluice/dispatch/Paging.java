package dev.sluice.dispatch;

import java.util.List;

import dev.sluice.protocol.PopErrors;

/**
 * A validated page request: page numbers start at 1, sizes go from 1 to {@link #MAX_SIZE} (or an operation's own
 * maximum, where its contract allows larger pages). Every list operation pages through here, so out-of-range values
 * are refused alike everywhere.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    /**
     * @param pagePath the wire path of the page number, named in the error when it is out of range
     * @param sizePath likewise for the page size
     */
    public static Paging of(Integer page, Integer size, String pagePath, String sizePath) {
        return of(page, size, pagePath, sizePath, MAX_SIZE);
    }

    /** {@link #of(Integer, Integer, String, String)} with the operation's own largest page size. */
    public static Paging of(Integer page, Integer size, String pagePath, String sizePath, int maxSize) {
        int number = page == null ? 1 : page;
        int count = size == null ? DEFAULT_SIZE : size;
        if (number < 1) throw PopErrors.invalidParameter(pagePath, "page numbers start at 1, got " + number).exception();
        if (count < 1 || count > maxSize) {
            throw PopErrors.invalidParameter(sizePath, "the page size must be between 1 and " + maxSize + ", got " + count).exception();
        }
        return new Paging(number, count);
    }

    /**
     * A request record, or a record nested in one, that asks for a page as {@code Page} and {@code PageSize}. Implementing
     * it changes nothing in binding (the record keeps its own components, held to the catalog at startup); it reads them
     * into a validated {@link Paging} with the wire paths under the record's own wire path {@code at}. The contract spells
     * the page number three ways, hence {@link PageNoQuery} and {@link PageNumQuery} beside it.
     */
    public interface PageQuery {

        Integer page();

        Integer pageSize();

        default Paging paging(String at) {
            return of(page(), pageSize(), at + ".Page", at + ".PageSize");
        }
    }

    /** {@link PageQuery} for records that ask as {@code PageNo} and {@code PageSize}. */
    public interface PageNoQuery {

        Integer pageNo();

        Integer pageSize();

        default Paging paging(String at) {
            return of(pageNo(), pageSize(), at + ".PageNo", at + ".PageSize");
        }
    }

    /** {@link PageQuery} for records that ask as {@code PageNum} and {@code PageSize}. */
    public interface PageNumQuery {

        Integer pageNum();

        Integer pageSize();

        default Paging paging(String at) {
            return of(pageNum(), pageSize(), at + ".PageNum", at + ".PageSize");
        }
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** This page of an already filtered and ordered list. */
    public <T> List<T> slice(List<T> all) {
        if (offset() >= all.size()) return List.of();
        int from = (int) offset();
        return all.subList(from, Math.min(all.size(), from + size));
    }
}
