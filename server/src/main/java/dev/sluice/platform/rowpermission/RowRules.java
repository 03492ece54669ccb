package dev.sluice.platform.rowpermission;

import java.util.Optional;

/**
 * The row filter a user's reads of one table must carry, for the SQL gate. Within one row-level permission the
 * enabled rules that bind the user (personally or through a user group) are joined with OR (each rule opens its rows);
 * the filters of different permissions on the same table are joined with AND (each permission restricts on its own).
 * A user bound by no enabled rule on the table gets no filter. A rule that names a mapping column the table does not
 * map lets no row through ({@code 1 = 0}), so a half-mapped rule fails closed.
 */
public interface RowRules {

    /**
     * @param tableResourceId the table as the permission's {@code Tables[].ResourceId} names it, compared without regard
     *                        to case: {@code <source name>.<schema>.<table>}
     * @return a condition over the table's own (unqualified) columns, in standard SQL: string literals in single quotes,
     * a quote doubled, a backslash an ordinary character (a dialect that treats backslashes as escapes must re-render
     * them); empty when the user is not restricted on the table
     */
    Optional<String> forUser(long tenantId, long userId, String tableResourceId);

    /**
     * Whether an enabled rule binding the user restricts some table of the source ({@code <source name>.} starts the
     * table's resource id, compared without regard to case): the gate cannot let such a user move name resolution.
     */
    boolean restrictsOnSource(long tenantId, long userId, String sourceName);
}
