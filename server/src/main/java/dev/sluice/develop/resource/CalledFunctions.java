package dev.sluice.develop.resource;

import java.util.LinkedHashSet;
import java.util.Set;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

import dev.sluice.runner.Engine;

/**
 * The names of the functions one SQL statement calls, unqualified and unquoted. JSqlParser's {@code TablesNamesFinder}
 * already walks every expression of every kind of statement; this subclass only notes the functions it meets.
 */
final class CalledFunctions extends TablesNamesFinder<Void> {

    private final Set<String> names = new LinkedHashSet<>();

    private CalledFunctions() {
        init(false); // the parent's bookkeeping must exist even though its table names are not used
    }

    /** The functions {@code sql} calls; empty when it does not parse (the permission gate then decides on it). */
    static Set<String> of(String sql, Engine.Dialect dialect) {
        CalledFunctions found = new CalledFunctions();
        try {
            Statement statement = CCJSqlParserUtil.parse(sql, parser -> parser.withBackslashEscapeCharacter(dialect == Engine.Dialect.MYSQL));
            statement.accept(found, null);
        } catch (JSQLParserException | RuntimeException unparsable) {
            // A statement the parser cannot read (or walk) names no functions here; the names met so far still count.
        }
        return found.names;
    }

    @Override
    public <S> Void visit(Function function, S context) {
        String name = function.getName();
        if (name != null) {
            String last = name.substring(name.lastIndexOf('.') + 1);
            names.add(last.replace("\"", "").replace("`", ""));
        }
        return super.visit(function, context);
    }
}
