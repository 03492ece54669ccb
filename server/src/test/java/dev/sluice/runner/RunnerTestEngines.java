package dev.sluice.runner;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;

/**
 * Test stand-ins for the two interfaces other modules implement: engines that map a project (or a data source id) to a
 * plain JDBC URL the test registers (a DuckDB file, the local PostgreSQL or MariaDB), and a gate that admits every
 * statement except those naming a table the test forbade.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RunnerTestEngines {

    /** Where one project's (or data source's) SQL runs in a test. */
    public record Target(Engine.Dialect dialect, String type, String url) {
    }

    /** The engines tests register their targets with. */
    public static final class Registry implements Engines {

        private final Map<Long, Target> computes = new ConcurrentHashMap<>();
        private final Map<Long, Target> dataSources = new ConcurrentHashMap<>();

        public void compute(long projectId, Target target) {
            computes.put(projectId, target);
        }

        public void dataSource(long dataSourceId, Target target) {
            dataSources.put(dataSourceId, target);
        }

        @Override
        public Engine projectCompute(long tenantId, long projectId, String env, String paramPath) {
            Target t = computes.get(projectId);
            if (t == null) throw PopErrors.invalidParameter(paramPath, "the project has no compute source.").exception();
            return new Engine(tenantId, Engine.Kind.COMPUTE, projectId, "cs_" + projectId, t.type(), t.dialect(), null, false);
        }

        @Override
        public Engine dataSource(long tenantId, long dataSourceId, String paramPath) {
            Target t = dataSources.get(dataSourceId);
            if (t == null) throw PopErrors.notFound("data source", dataSourceId).exception();
            return new Engine(tenantId, Engine.Kind.DATA, dataSourceId, "ds_" + dataSourceId, t.type(), t.dialect(), null, false);
        }

        @Override
        public Connection open(Engine engine) throws SQLException {
            Target t = (engine.kind() == Engine.Kind.COMPUTE ? computes : dataSources).get(engine.sourceId());
            Connection c = DriverManager.getConnection(t.url());
            c.setAutoCommit(true);
            return c;
        }
    }

    /** Admits everything but statements naming a forbidden table. */
    public static final class Gate implements StatementGate {

        private final Set<String> forbidden = ConcurrentHashMap.newKeySet();

        public void forbid(String table) {
            forbidden.add(table.toLowerCase(Locale.ROOT));
        }

        @Override
        public String admit(RunContext context, String statement) {
            for (String table : forbidden) {
                if (Pattern.compile("\\b" + Pattern.quote(table) + "\\b", Pattern.CASE_INSENSITIVE).matcher(statement).find()) {
                    throw new PopError("Forbidden.TablePermission", 403, "user " + context.userId() + " may not read table '" + table + "'.")
                            .exception();
                }
            }
            return statement;
        }
    }

    // Primary: the server's own Engines and StatementGate exist too; these tests choose the sources and rules themselves.
    @Bean
    @Primary
    Registry testEngines() {
        return new Registry();
    }

    @Bean
    @Primary
    Gate testGate() {
        return new Gate();
    }
}
