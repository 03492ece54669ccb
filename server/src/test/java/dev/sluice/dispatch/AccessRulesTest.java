package dev.sluice.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import dev.sluice.catalog.AdminRole;
import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;

/** The table of who may call what covers every handler, and never promises less than the catalog restricts. */
class AccessRulesTest {

    private static Set<String> handledActions() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Action.class));
        Set<String> actions = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("dev.sluice")) {
            actions.add(Class.forName(candidate.getBeanClassName()).getAnnotation(Action.class).value());
        }
        return actions;
    }

    @Test
    void everyHandlerHasExactlyOneRowAndEveryRowAHandler() throws ClassNotFoundException {
        Set<String> handled = handledActions();
        assertThat(handled).hasSizeGreaterThan(60);
        assertThat(new TreeSet<>(AccessRules.all().keySet())).isEqualTo(handled);
        AccessRules.all().forEach((action, rule) -> assertThat(rule.detail()).as(action).isNotBlank());
    }

    @Test
    void noRowIsWeakerThanTheCatalogsAdministratorRestriction() {
        Catalog catalog = Catalog.load();
        Set<AdminRole> tenantWide = EnumSet.of(AdminRole.SUPER_ADMIN, AdminRole.SYSTEM_ADMIN);
        AccessRules.all().forEach((action, rule) -> {
            Operation operation = catalog.find(action).orElseThrow();
            Set<AdminRole> restricted = operation.adminRoles();
            if (restricted.isEmpty() || !tenantWide.containsAll(restricted)) return; // object rules: the handler's
            AccessRules.Who least = restricted.equals(Set.of(AdminRole.SUPER_ADMIN)) ? AccessRules.Who.SUPER_ADMIN : AccessRules.Who.TENANT_ADMIN;
            assertThat(rule.who()).as(action).isGreaterThanOrEqualTo(least);
        });
    }

    @Test
    void writesTheContractRestrictsToAdministratorsAreNotOpenToEveryMember() {
        Catalog catalog = Catalog.load();
        AccessRules.all().forEach((action, rule) -> {
            Operation operation = catalog.find(action).orElseThrow();
            if (operation.adminRoles().isEmpty()) return;
            assertThat(rule.who()).as(action).isNotIn(AccessRules.Who.SELF, AccessRules.Who.MEMBER);
        });
    }
}
