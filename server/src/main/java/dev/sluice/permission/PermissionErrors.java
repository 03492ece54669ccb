package dev.sluice.permission;

import dev.sluice.protocol.PopError;

/** The refusals of the SQL gate: a statement stopped before it ran, naming the table and the right it lacks. */
final class PermissionErrors {

    static final String TABLE_PERMISSION = "Forbidden.TablePermission";
    static final String UNANALYSABLE = "Forbidden.UnanalysableStatement";

    private PermissionErrors() {
    }

    static PopError missingRight(String resourceId, TableRight right) {
        return new PopError(TABLE_PERMISSION, 403, "You lack the " + right + " permission on " + resourceId
                + "; ask its owner, a project administrator or a super administrator for a grant (GrantResourcePermission).");
    }

    static PopError rowRulesOnWrite(String resourceId, TableRight right) {
        return new PopError(TABLE_PERMISSION, 403, "Row-level rules restrict which rows of " + resourceId + " you may see, so "
                + right + " on it is refused: a write or schema change cannot be limited to your rows.");
    }

    static PopError changesResolution(String sourceName, String reason) {
        return new PopError(UNANALYSABLE, 403, "The statement could not be allowed (" + reason + "): the permission check resolves"
                + " unqualified table names to the source's default schema, so after it the tables later statements use would be"
                + " unknown; only those who may run anything on '" + sourceName + "' (its owner, super administrators, and on a"
                + " project's own compute source its administrators and developers) may run it. Qualify table names with their"
                + " schema instead.");
    }

    static PopError uncheckedUnderRowRules(String sourceName, String refusal) {
        return new PopError(UNANALYSABLE, 403, "Row-level rules restrict your reads of tables of '" + sourceName + "' and find those"
                + " tables by name in the statement, so a statement the check cannot follow is refused even to you. " + refusal);
    }

    static PopError unanalysable(String sourceName, String reason) {
        return new PopError(UNANALYSABLE, 403, "The statement could not be analysed (" + reason + "), so the tables it uses are"
                + " unknown; only those who may run anything on '" + sourceName + "' (its owner, super administrators, and on a"
                + " project's own compute source its administrators and developers) may run it.");
    }
}
