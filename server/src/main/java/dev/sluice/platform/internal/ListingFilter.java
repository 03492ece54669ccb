package dev.sluice.platform.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.dispatch.Paging;

/**
 * The WHERE clause of a paged listing, built condition by condition with its bound values, then used for both the
 * total count and one page, so the two always filter alike. Conditions are fixed SQL text; values are only bound.
 */
public final class ListingFilter {

    private final StringBuilder where = new StringBuilder("where ");
    private final List<Object> args = new ArrayList<>();

    private ListingFilter(String condition, Object... values) {
        where.append(condition);
        Collections.addAll(args, values);
    }

    /** The first condition, usually the tenant's. */
    public static ListingFilter where(String condition, Object... values) {
        return new ListingFilter(condition, values);
    }

    /** Adds {@code and condition}, binding one value per {@code ?}. */
    public ListingFilter and(String condition, Object... values) {
        where.append(" and ").append(condition);
        Collections.addAll(args, values);
        return this;
    }

    /** Adds {@code and column in (...)} for the values given; nothing when there are none (no filter, not "none match"). */
    public ListingFilter andIn(String column, Collection<?> values) {
        if (values == null || values.isEmpty()) return this;
        where.append(" and ").append(column).append(" in (").append(String.join(", ", Collections.nCopies(values.size(), "?"))).append(")");
        args.addAll(values);
        return this;
    }

    public long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table + " " + where).params(args).query(Long.class).single();
    }

    /** One page of the matching rows, by id. */
    public <T> List<T> page(JdbcClient jdbc, String table, Paging paging, RowMapper<T> mapper) {
        List<Object> paged = new ArrayList<>(args);
        paged.add(paging.offset());
        paged.add(paging.size());
        return jdbc.sql("select * from " + table + " " + where + " order by id offset ? rows fetch next ? rows only").params(paged)
                .query(mapper).list();
    }
}
