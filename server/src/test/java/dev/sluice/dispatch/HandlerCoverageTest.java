package dev.sluice.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.testsupport.SluiceServerTest;

/**
 * Which actions have a handler: printed per module so the "implemented X/211" figure comes from the code, and checked
 * against the operations this server promises to have built.
 */
@SluiceServerTest
class HandlerCoverageTest {

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Catalog catalog;

    @Test
    void reportsImplementedOperationsPerModule() {
        Map<String, String> perModule = catalog.all().stream().collect(Collectors.groupingBy(Operation::module, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), ops -> ops.stream().filter(o -> dispatcher.handles(o.action())).count()
                        + "/" + ops.size())));
        long implemented = catalog.all().stream().filter(o -> dispatcher.handles(o.action())).count();
        System.out.println("Implemented " + implemented + "/" + catalog.size() + " operations: " + perModule);
        System.out.println("Without a handler (answer NotImplemented): " + catalog.all().stream()
                .map(Operation::action).filter(a -> !dispatcher.handles(a)).sorted().toList());

        assertThat(dispatcher.implementedActions()).contains("GetMyTenants", "GetMyRoles", "GetUsers", "GetUserBySourceId");
        assertThat(dispatcher.implementedActions()).allSatisfy(action -> assertThat(catalog.find(action)).isPresent());
    }

    /**
     * The number of built operations per module, pinned: a handler that silently stops being a bean (a lost
     * annotation, a package outside the scan) would otherwise only show as NotImplemented to callers. Raise a count
     * with the operations a change adds.
     */
    @Test
    void theBuiltOperationsPerModuleArePinned() {
        Map<String, Long> built = catalog.all().stream().filter(o -> dispatcher.handles(o.action()))
                .collect(Collectors.groupingBy(Operation::module, TreeMap::new, Collectors.counting()));

        assertThat(built).as("built operations per catalog module").containsExactlyInAnyOrderEntriesOf(Map.of(
                "Platform management", 61L,
                "Data development", 40L, // the directory tree, ad hoc files, ad hoc runs, file-storage credentials, batch tasks (11), publishing (4), resources (5) and UDFs (5)
                "Data permissions", 3L,
                "Open platform", 3L,
                "O&M center", 25L)); // all 25: production nodes (10); instances (7: ListInstances, GetPhysicalInstance(Log), OperateInstance, ExecuteManualNode, GetInstance(Up)DownStream); backfills and fixes (5); alerts (3)
        assertThat(dispatcher.implementedActions()).hasSize(132);
    }
}
