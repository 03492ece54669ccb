package dev.sluice.permission;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import dev.sluice.runner.Engine;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * Prints a statement with each read of a row-restricted table replaced by {@code (SELECT * FROM <table> WHERE
 * <filter>) <alias>}, the alias being the reference's own or else the table's name, so the rest of the query binds as
 * before. Every restricted occurrence must come out through the replacement; if the printer took another path for one
 * of them, the statement is refused rather than run unfiltered.
 */
final class RowFilterRewrite {

    static final class NotRewritable extends Exception {
        NotRewritable(String reason) {
            super(reason);
        }
    }

    private RowFilterRewrite() {
    }

    /** @param filters restricted table occurrences and their conditions (standard SQL over the table's columns) */
    static String rewrite(Statement statement, Map<Table, String> filters, Engine.Dialect dialect) throws NotRewritable {
        Map<Table, String> rendered = new IdentityHashMap<>();
        for (Map.Entry<Table, String> e : filters.entrySet()) rendered.put(e.getKey(), condition(e.getValue(), dialect));
        Set<Table> printed = Collections.newSetFromMap(new IdentityHashMap<>());
        StringBuilder out = new StringBuilder();
        ExpressionDeParser expressions = new ExpressionDeParser();
        SelectDeParser selects = new SelectDeParser(expressions, out) {
            @Override
            public <S> StringBuilder visit(Table table, S context) {
                String condition = rendered.get(table);
                if (condition == null) return super.visit(table, context);
                printed.add(table);
                String alias = table.getAlias() != null ? table.getAlias().getName() : table.getName();
                out.append("(SELECT * FROM ").append(table.getFullyQualifiedName()).append(" WHERE ").append(condition)
                        .append(") ").append(alias);
                return out;
            }
        };
        expressions.setSelectVisitor(selects);
        expressions.setBuilder(out);
        statement.accept(new StatementDeParser(expressions, selects, out), null);
        if (printed.size() != rendered.size()) {
            throw new NotRewritable("a read of a table with row-level rules sits where the filter cannot be applied");
        }
        return out.toString();
    }

    /**
     * The filter as the engine must read it. Rules render values as standard SQL strings; MySQL and MariaDB treat a
     * backslash inside one as an escape, so there every backslash is doubled, or a value ending in one could end the
     * string early.
     */
    static String condition(String standardSql, Engine.Dialect dialect) throws NotRewritable {
        Expression condition;
        try {
            condition = CCJSqlParserUtil.parseCondExpression(standardSql, false);
        } catch (JSQLParserException e) {
            throw new NotRewritable("a row-level rule's filter does not parse");
        }
        if (dialect == Engine.Dialect.MYSQL) {
            condition.accept(new ExpressionVisitorAdapter<Void>() {
                @Override
                public <S> Void visit(StringValue value, S context) {
                    value.setValue(value.getValue().replace("\\", "\\\\"));
                    return null;
                }
            }, null);
        }
        return "(" + condition + ")";
    }
}
